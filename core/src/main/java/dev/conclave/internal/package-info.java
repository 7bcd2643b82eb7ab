/**
 * Implementation details of core (codecs, encoders, chain steps, discovery). Not an API: anything here may
 * change in any release.
 */
package dev.conclave.internal;
