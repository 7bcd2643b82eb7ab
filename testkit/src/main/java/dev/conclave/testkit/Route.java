package dev.conclave.testkit;

/** Which requests a scripted {@link Fault} applies to: one operation's, or any. */
public enum Route {
    /** POST .../Participants.json */
    CREATE,
    /** GET .../Participants/{CallSid}.json */
    FETCH,
    /** GET .../Participants.json */
    LIST,
    /** POST .../Participants/{CallSid}.json */
    UPDATE,
    /** DELETE .../Participants/{CallSid}.json */
    DELETE,
    /** Every request. */
    ANY;

    /**
     * The route of a request.
     *
     * @param method the HTTP method
     * @param rawPath the path as received
     * @return the operation's route, or {@link #ANY} for a request that is none of them
     */
    public static Route of(String method, String rawPath) {
        boolean collection = rawPath.endsWith("/Participants.json");
        boolean member = !collection && rawPath.contains("/Participants/");
        return switch (method) {
            case "POST" -> collection ? CREATE : member ? UPDATE : ANY;
            case "GET" -> collection ? LIST : member ? FETCH : ANY;
            case "DELETE" -> member ? DELETE : ANY;
            default -> ANY;
        };
    }

    /** Whether a request of route {@code actual} is one this route covers. */
    public boolean covers(Route actual) {
        return this == ANY || this == actual;
    }
}
