package dev.conclave.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of each attempt. Implement it (or extend
 * {@link DefaultHttpAttemptObservationConvention}) to change them; see
 * {@code ConclaveClient.Builder#attemptObservationConvention}.
 */
public interface HttpAttemptObservationConvention extends ObservationConvention<HttpAttemptObservationContext> {
    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof HttpAttemptObservationContext;
    }
}
