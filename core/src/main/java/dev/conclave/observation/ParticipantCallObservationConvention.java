package dev.conclave.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of each call. Implement it (or extend
 * {@link DefaultParticipantCallObservationConvention}) to change them; see
 * {@code ParticipantsClient.Builder#callObservationConvention}.
 */
public interface ParticipantCallObservationConvention extends ObservationConvention<ParticipantCallObservationContext> {
    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof ParticipantCallObservationContext;
    }
}
