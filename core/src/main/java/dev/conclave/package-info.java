/**
 * Conclave's public API: {@link dev.conclave.ConclaveClient} and its builder, the
 * {@link dev.conclave.ParticipantOperations} it offers, the lazy {@link dev.conclave.ParticipantListing},
 * and the exceptions it throws. Request and response types live in {@code dev.conclave.model}; the transport
 * SPI in {@code dev.conclave.http}.
 */
package dev.conclave;
