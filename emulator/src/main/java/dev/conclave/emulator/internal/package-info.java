/** Implementation of the emulator; not an API. */
package dev.conclave.emulator.internal;
