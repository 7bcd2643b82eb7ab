/**
 * Test support: {@link dev.conclave.testkit.ParticipantEmulator}, an in-process Participant API on loopback,
 * with its {@link dev.conclave.testkit.RecordedRequest journal}, and {@link dev.conclave.testkit.EmulatorMain}
 * to run it on its own.
 */
package dev.conclave.testkit;
