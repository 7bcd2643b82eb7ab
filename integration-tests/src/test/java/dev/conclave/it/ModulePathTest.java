package dev.conclave.it;

import static dev.conclave.it.TestClassPath.APACHE;
import static dev.conclave.it.TestClassPath.CORE;
import static dev.conclave.it.TestClassPath.JDK;
import static dev.conclave.it.TestClassPath.NETTY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conclave.emulator.ParticipantEmulator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A small program of its own module ({@code src/test/modular}), compiled and run on the module path with core,
 * its four libraries and one transport's jars, finds that transport through the module system's service binding
 * and makes real calls to the emulator. Nothing of Conclave is on the class path there.
 */
@Timeout(120)
class ModulePathTest {
    private static ParticipantEmulator emulator;
    @TempDir
    static Path work;
    private static Path compiled;

    @BeforeAll
    static void compileTheProgram() throws IOException {
        emulator = ParticipantEmulator.builder().start();
        Path sources = Paths.get("src", "test", "modular");
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).collect(Collectors.toList());
        }
        compiled = work.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> options = new ArrayList<>(List.of("--release", "17", "-d", compiled.toString(),
                "--module-path", TestClassPath.join(CORE)));
        options.addAll(files);
        int status = javac.run(null, null, null, options.toArray(String[]::new));
        assertThat(status).as("the program compiles against core's module alone").isZero();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "apache", "netty"})
    void eachTransportRunsOnTheModulePath(String transport) throws Exception {
        Predicate<String> transportJars = switch (transport) {
            case "jdk" -> JDK;
            case "apache" -> APACHE;
            default -> NETTY;
        };
        String conference = emulator.createConference("modular-" + transport);
        List<String> lines = run(TestClassPath.join(CORE.or(transportJars)) + File.pathSeparator + compiled,
                conference);
        assertThat(lines).contains("transport=" + transport, "module=dev.conclave.core", "listed=1");
        assertThat(lines).anyMatch(line -> line.matches("created=CA[0-9a-f]{32}"));
    }

    @Test
    void withoutATransportModuleTheProgramFailsNamingTheThreeArtifacts() throws Exception {
        String conference = emulator.createConference("modular-none");
        List<String> lines = run(TestClassPath.join(CORE) + File.pathSeparator + compiled, conference);
        assertThat(String.join("\n", lines)).contains("dev.conclave:conclave-transport-jdk")
                .contains("dev.conclave:conclave-transport-apache").contains("dev.conclave:conclave-transport-netty");
    }

    @Test
    void everyPublishedModuleExportsOnlyPublicPackagesAndEachTransportProvidesItself() {
        java.util.Map<String, java.lang.module.ModuleDescriptor> modules = new java.util.TreeMap<>();
        for (String entry : TestClassPath.entries()) {
            if (TestClassPath.conclave(entry, "models", "http-spi", "core", "transport-jdk", "transport-apache", "transport-netty",
                    "emulator", "tck")) {
                java.lang.module.ModuleFinder.of(Paths.get(entry)).findAll()
                        .forEach(found -> modules.put(found.descriptor().name(), found.descriptor()));
            }
        }
        assertThat(modules).containsOnlyKeys("dev.conclave.model", "dev.conclave.http", "dev.conclave.core",
                "dev.conclave.transport.jdk", "dev.conclave.transport.apache", "dev.conclave.transport.netty",
                "dev.conclave.emulator", "dev.conclave.tck");
        modules.values().forEach(module -> module.exports().stream().filter(export -> !export.isQualified())
                .forEach(export -> assertThat(export.source()).as(module.name() + " exports").doesNotContain("internal")));
        for (String transport : List.of("jdk", "apache", "netty")) {
            assertThat(modules.get("dev.conclave.transport." + transport).provides())
                    .anyMatch(provides -> provides.service().equals("dev.conclave.http.TransportProvider"));
        }
        assertThat(modules.get("dev.conclave.core").uses()).containsExactly("dev.conclave.http.TransportProvider");
    }

    private static List<String> run(String modulePath, String conference) throws Exception {
        Path out = Files.createTempFile(work, "out", ".txt");
        Process process = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath, "-m", "dev.conclave.it.modular/dev.conclave.it.modular.Main",
                emulator.baseUri().toString(), emulator.accountSid(), emulator.authToken(), conference)
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the program did not end within 60 s");
        }
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }
}
