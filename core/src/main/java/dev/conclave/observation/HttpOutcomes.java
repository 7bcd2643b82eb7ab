package dev.conclave.observation;

/** The outcome classes of HTTP statuses, as Micrometer's HTTP conventions name them. */
final class HttpOutcomes {
    private HttpOutcomes() {
    }

    /**
     * {@code INFORMATIONAL}, {@code SUCCESS}, {@code REDIRECTION}, {@code CLIENT_ERROR}, {@code SERVER_ERROR},
     * or {@code UNKNOWN} (including 0, no response).
     */
    static String outcome(int status) {
        if (status >= 100 && status < 200) {
            return "INFORMATIONAL";
        }
        if (status >= 200 && status < 300) {
            return "SUCCESS";
        }
        if (status >= 300 && status < 400) {
            return "REDIRECTION";
        }
        if (status >= 400 && status < 500) {
            return "CLIENT_ERROR";
        }
        if (status >= 500 && status < 600) {
            return "SERVER_ERROR";
        }
        return "UNKNOWN";
    }
}
