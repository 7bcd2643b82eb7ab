package dev.conclave.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends each test class's conformance figures to {@code target/spec-conformance.tsv}: one line per class and
 * transport with the requests and responses checked, the violations found, and the off-spec requests sent on
 * purpose whose violations were caught, for the build's record.
 */
final class SpecConformanceReport {
    private SpecConformanceReport() {
    }

    static synchronized void append(String testClass, String transport, SpecConformance conformance) {
        Path file = Path.of(System.getProperty("conclave.conformanceReport", "target/spec-conformance.tsv"));
        String line = testClass + '\t' + transport + '\t' + conformance.requests() + '\t' + conformance.responses()
                + '\t' + conformance.violations().size() + '\t' + conformance.offSpecCaught() + '\n';
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }
}
