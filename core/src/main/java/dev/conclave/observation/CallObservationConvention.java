package dev.conclave.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of each call. Implement it (or extend
 * {@link DefaultCallObservationConvention}) to change them; see
 * {@code ConclaveClient.Builder#callObservationConvention}.
 */
public interface CallObservationConvention extends ObservationConvention<CallObservationContext> {
    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof CallObservationContext;
    }
}
