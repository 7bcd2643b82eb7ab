/** Implementation of the emulator; not an API. */
package dev.conclave.testkit.internal;
