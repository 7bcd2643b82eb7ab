/**
 * Immutable data types of the Participant resource: the participant, a page of them, the request types with
 * their builders, and the value sets Twilio defines. This package depends on nothing outside the JDK.
 */
package dev.conclave.model;
