package dev.conclave.transport.apache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {
    private static byte[] bytes(int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (i * 31);
        }
        return out;
    }

    /** A stream that hands out at most 7 bytes per read, as a socket may. */
    private static InputStream dribbling(byte[] body) {
        return new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
    }

    @Test
    void readsDeclaredUndeclaredAndEmptyBodiesWhole() throws IOException {
        for (int n : new int[] {0, 1, 15, 16, 17, 8192, 8193, 100_000}) {
            byte[] body = bytes(n);
            assertThat(BoundedBody.read(dribbling(body), 1_000_000, n)).as("declared " + n).isEqualTo(body);
            assertThat(BoundedBody.read(dribbling(body), 1_000_000, -1)).as("undeclared " + n).isEqualTo(body);
        }
    }

    @Test
    void stopsAtTheLimitWhateverTheDeclaredLengthSays() throws IOException {
        byte[] body = bytes(5_000);
        assertThat(BoundedBody.read(dribbling(body), 4_999, -1)).isNull();
        assertThat(BoundedBody.read(dribbling(body), 5_000, -1)).isEqualTo(body);
        assertThat(BoundedBody.read(dribbling(body), 4_999, 4_999)).as("more than declared, over the limit").isNull();
        assertThat(BoundedBody.read(dribbling(body), 10_000, 4_000)).as("more than declared, within the limit")
                .isEqualTo(body);
    }
}
