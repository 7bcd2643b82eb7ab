/**
 * Micrometer observation of a {@link dev.conclave.ConclaveClient}: the contexts and default conventions of
 * the per-call observation ({@value dev.conclave.observation.DefaultCallObservationConvention#NAME})
 * and the per-attempt one ({@value dev.conclave.observation.DefaultHttpAttemptObservationConvention#NAME}), and
 * the names of the meters the client registers itself ({@link dev.conclave.observation.ConclaveMeters}).
 * Replace a convention with {@code ConclaveClient.Builder#callObservationConvention} or
 * {@code #attemptObservationConvention}, or globally through the registry's
 * {@code observationConfig().observationConvention(...)}.
 */
package dev.conclave.observation;
