package dev.conclave.http;

/** The HTTP request methods a transport must support; the Participant API uses GET, POST and DELETE. */
public enum Method {
    /** Fetch and list. */
    GET,
    /** Create and update (form-encoded body). */
    POST,
    /** Delete (kick a participant). */
    DELETE,
    /** Not used by the Participant API; offered so that custom interceptors can reuse transports. */
    PUT,
    /** Not used by the Participant API; offered so that custom interceptors can reuse transports. */
    PATCH,
    /** Not used by the Participant API; offered so that custom interceptors can reuse transports. */
    HEAD
}
