package dev.conclave.emulator;

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
    /** GET .../Conferences.json */
    LIST_CONFERENCES,
    /** GET .../Conferences/{Sid}.json */
    FETCH_CONFERENCE,
    /** POST .../Conferences/{Sid}.json */
    UPDATE_CONFERENCE,
    /** GET .../Conferences/{ConferenceSid}/Recordings.json */
    LIST_RECORDINGS,
    /** GET .../Conferences/{ConferenceSid}/Recordings/{Sid}.json */
    FETCH_RECORDING,
    /** POST .../Conferences/{ConferenceSid}/Recordings/{Sid}.json */
    UPDATE_RECORDING,
    /** DELETE .../Conferences/{ConferenceSid}/Recordings/{Sid}.json */
    DELETE_RECORDING,
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
        if (rawPath.contains("/Participants")) {
            boolean collection = rawPath.endsWith("/Participants.json");
            return switch (method) {
                case "POST" -> collection ? CREATE : UPDATE;
                case "GET" -> collection ? LIST : FETCH;
                case "DELETE" -> collection ? ANY : DELETE;
                default -> ANY;
            };
        }
        if (rawPath.contains("/Recordings")) {
            boolean collection = rawPath.endsWith("/Recordings.json");
            return switch (method) {
                case "GET" -> collection ? LIST_RECORDINGS : FETCH_RECORDING;
                case "POST" -> collection ? ANY : UPDATE_RECORDING;
                case "DELETE" -> collection ? ANY : DELETE_RECORDING;
                default -> ANY;
            };
        }
        if (rawPath.contains("/Conferences")) {
            boolean collection = rawPath.endsWith("/Conferences.json");
            return switch (method) {
                case "GET" -> collection ? LIST_CONFERENCES : FETCH_CONFERENCE;
                case "POST" -> collection ? ANY : UPDATE_CONFERENCE;
                default -> ANY;
            };
        }
        return ANY;
    }

    /**
     * Whether a request of route {@code actual} is one this route covers.
     *
     * @param actual the route of a request, as {@link #of(String, String)} gives it
     * @return {@code true} if this route is {@link #ANY} or is {@code actual}
     */
    public boolean covers(Route actual) {
        return this == ANY || this == actual;
    }
}
