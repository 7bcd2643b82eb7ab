package dev.conclave.it;

import java.io.File;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The test run's class path entries, and which of them make up core and each transport: for the tests that
 * rebuild a smaller class path or a module path from them (DiscoveryTest, ModulePathTest).
 */
final class TestClassPath {
    /** Core, models, the SPI and core's four libraries (not micrometer-core), with slf4j-simple for quiet logs. */
    static final Predicate<String> CORE = entry -> conclave(entry, "core", "models", "http-spi")
            || jar(entry, "jackson-core-") || jar(entry, "slf4j-api-") || jar(entry, "slf4j-simple-")
            || jar(entry, "micrometer-observation-1") || jar(entry, "micrometer-commons-");
    static final Predicate<String> JDK = entry -> conclave(entry, "transport-jdk");
    static final Predicate<String> APACHE = entry -> conclave(entry, "transport-apache") || jar(entry, "httpclient5-")
            || jar(entry, "httpcore5-");
    static final Predicate<String> NETTY = entry -> conclave(entry, "transport-netty") || jar(entry, "netty-");

    private TestClassPath() {
    }

    /** Class path entries of the test run, whichever way Surefire passes them. */
    static List<String> entries() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(path.split(File.pathSeparator));
    }

    /** The entries {@code include} accepts, joined as a class or module path. */
    static String join(Predicate<String> include) {
        return entries().stream().filter(include).collect(Collectors.joining(File.pathSeparator));
    }

    /** A Conclave module's jar or classes directory, in the reactor or the local repository. */
    static boolean conclave(String entry, String... modules) {
        for (String module : modules) {
            if (entry.contains("/" + module + "/target/") || entry.contains("conclave-" + module + "-")) {
                return true;
            }
        }
        return false;
    }

    private static boolean jar(String entry, String prefix) {
        return new File(entry).getName().startsWith(prefix);
    }
}
