/**
 * Conclave's public API: {@link dev.conclave.ConclaveClient} and its builder, the resource views it hands out
 * ({@link dev.conclave.ParticipantOperations}, {@link dev.conclave.ConferenceOperations},
 * {@link dev.conclave.ConferenceRecordingOperations} and their async twins), the lazy
 * {@link dev.conclave.Listing} and {@link dev.conclave.AsyncListing}, and the exceptions it throws. Request and
 * response types live in {@code dev.conclave.model}; the transport SPI, with the root
 * {@link dev.conclave.http.ConclaveException}, in {@code dev.conclave.http}.
 */
package dev.conclave;
