/**
 * Test support: {@link dev.conclave.emulator.ParticipantEmulator}, an in-process Participant API on loopback,
 * with its {@link dev.conclave.emulator.RecordedRequest journal}, and {@link dev.conclave.emulator.EmulatorMain}
 * to run it on its own.
 */
package dev.conclave.emulator;
