package dev.conclave.transport.apache.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads a response body into memory without ever holding more than the limit. */
public final class BoundedBody {
    private BoundedBody() {
    }

    /**
     * Reads the whole stream.
     *
     * @param in the body
     * @param limit the most bytes allowed
     * @param declaredLength the Content-Length, or a negative number when unknown (sizes the first buffer)
     * @return the bytes, or {@code null} if the body is longer than the limit (reading stops there)
     * @throws IOException if reading fails
     */
    public static byte[] read(InputStream in, int limit, long declaredLength) throws IOException {
        int capacity = declaredLength >= 0 ? (int) Math.min(declaredLength, limit) : Math.min(8192, limit);
        byte[] buffer = new byte[Math.max(capacity, 16)];
        int size = 0;
        while (true) {
            if (size == buffer.length) {
                if (size > limit) {
                    return null;
                }
                if (size == declaredLength) {
                    // The declared length is in: look for the end without growing (and later trimming) the
                    // buffer, which copied every body twice.
                    int next = in.read();
                    if (next < 0) {
                        return buffer;
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min((long) limit + 1, Math.max(16L, size * 2L)));
                    buffer[size++] = (byte) next;
                    continue;
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min((long) limit + 1, Math.max(16L, size * 2L)));
            }
            int read = in.read(buffer, size, buffer.length - size);
            if (read < 0) {
                break;
            }
            size += read;
            if (size > limit) {
                return null;
            }
        }
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }
}
