/**
 * Status callbacks: {@link dev.conclave.webhook.WebhookValidator} proves a callback came from Twilio (its
 * {@code X-Twilio-Signature}), {@link dev.conclave.webhook.FormParameters} holds its parameters, and
 * {@link dev.conclave.webhook.StatusCallbacks} reads them into typed participant and conference events.
 */
package dev.conclave.webhook;
