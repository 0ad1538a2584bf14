package org.ruleone.customers;

import java.time.Instant;

/**
 * One recorded consent decision and its proof; the newest per client and channel is in force.
 *
 * @param recordedBy     the associate who recorded it, or {@code null} (web form, import, unsubscribe link)
 * @param recordedByName that associate's name, or empty
 * @param wording        the exact text the client was shown, in their language
 */
public record ConsentState(long id, long customerId, ConsentChannel channel, boolean granted, Instant recordedAt,
                           Long recordedBy, String recordedByName, ConsentMethod method, String wording) {
}
