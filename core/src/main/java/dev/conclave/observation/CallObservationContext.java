package dev.conclave.observation;

import dev.conclave.Operation;
import io.micrometer.observation.Observation;

/**
 * What the observation of one call (one public API invocation, retries included; one page of a listing) knows:
 * the operation, the transport, how many attempts it made and the last HTTP status it received. The call's
 * failure, if any, is {@link #getError()}. The client fills it in as the call proceeds; a convention reads it.
 */
public final class CallObservationContext extends Observation.Context {
    private final Operation operation;
    private final String transportName;
    private volatile int attempts;
    private volatile int status;

    /**
     * Creates the context of a call about to start.
     *
     * @param operation the API operation
     * @param transportName the transport's {@link dev.conclave.http.HttpTransport#name()}
     */
    public CallObservationContext(Operation operation, String transportName) {
        this.operation = operation;
        this.transportName = transportName;
    }

    /** {@return the API operation} */
    public Operation operation() {
        return operation;
    }

    /** {@return the transport's name, e.g. {@code apache}} */
    public String transportName() {
        return transportName;
    }

    /** {@return attempts made so far: 1 without retries; 0 if the call ended before its first attempt} */
    public int attempts() {
        return attempts;
    }

    /**
     * Records how many attempts the call made.
     *
     * @param attempts 0 or more
     */
    public void attempts(int attempts) {
        this.attempts = attempts;
    }

    /** {@return the HTTP status of the last response the call received, or 0 if it received none} */
    public int status() {
        return status;
    }

    /**
     * Records the HTTP status of the last response.
     *
     * @param status an HTTP status code, or 0 for none
     */
    public void status(int status) {
        this.status = status;
    }
}
