package dev.conclave.emulator.internal;

import dev.conclave.emulator.RecordedExchange;
import dev.conclave.emulator.RecordedRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The standalone emulator's {@code --journal FILE}: appends each exchange's request line and outcome, one JSON
 * object a line (method, path, query, status, fault). Bodies are left out, as they may hold secrets.
 */
public final class JournalFile implements AutoCloseable {
    private final OutputStream out;

    /**
     * Opens the file for appending, creating it if needed.
     *
     * @param file where to write
     * @throws UncheckedIOException if it cannot be opened
     */
    public JournalFile(Path file) {
        try {
            out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException cannotOpen) {
            throw new UncheckedIOException("cannot open the journal file " + file + ": " + cannotOpen.getMessage(),
                    cannotOpen);
        }
    }

    /**
     * Appends one exchange; called on the emulator's I/O threads.
     *
     * @param exchange the exchange served
     * @throws UncheckedIOException if the file cannot be written
     */
    public synchronized void write(RecordedExchange exchange) {
        RecordedRequest request = exchange.request();
        byte[] line = Json.write(128, json -> {
            json.writeStartObject();
            json.writeStringField("method", request.method());
            json.writeStringField("path", request.rawPath());
            json.writeStringField("query", request.rawQuery());
            json.writeNumberField("status", request.responseStatus());
            json.writeStringField("fault", request.fault());
            json.writeEndObject();
        });
        try {
            out.write(line);
            out.write('\n');
            out.flush();
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException(cannotWrite);
        }
    }

    /** Closes the file; nothing more is written. */
    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // Nothing more will be written.
        }
    }
}
