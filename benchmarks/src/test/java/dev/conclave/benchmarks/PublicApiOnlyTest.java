package dev.conclave.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks drive Conclave as a user's code does: no benchmark names a class of an {@code internal} package,
 * by import or by qualified name, so their figures are what a user gets.
 */
class PublicApiOnlyTest {
    private static final Pattern INTERNAL = Pattern.compile("\\bdev\\.conclave(\\.\\w+)*\\.internal\\b");

    @Test
    void noBenchmarkNamesAnInternalPackage() throws IOException {
        Path sources = Paths.get("src", "main", "java");
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(path -> path.toString().endsWith(".java")).toList();
        }
        assertThat(files).as("benchmark sources under " + sources.toAbsolutePath()).isNotEmpty();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher internal = INTERNAL.matcher(lines.get(i));
                if (internal.find()) {
                    found.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        assertThat(found).as("lines naming an internal package").isEmpty();
    }

    @Test
    void thePatternCatchesImportsAndQualifiedNames() {
        assertThat(INTERNAL.matcher("import dev.conclave.internal.json.ParticipantJson;").find()).isTrue();
        assertThat(INTERNAL.matcher("var x = new dev.conclave.http.internal.ExchangeDeadlines(\"t\");").find())
                .isTrue();
        assertThat(INTERNAL.matcher("import dev.conclave.model.Participant;").find()).isFalse();
        assertThat(INTERNAL.matcher("// internalised").find()).isFalse();
    }
}
