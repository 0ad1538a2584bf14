package org.ruleone.mail;

import java.time.Instant;

/**
 * A delivery report said that a mail we sent did not arrive.
 *
 * @param originalMessageId the Message-ID of the mail that bounced (angle brackets included), or empty when the
 *                          report did not say
 * @param recipient         the address that failed, lower case, or empty when the report did not say
 * @param permanent         true for a permanent failure (5.x.x), false for a delay or temporary failure
 */
public record BounceReceived(String originalMessageId, String recipient, boolean permanent, Instant at) {
}
