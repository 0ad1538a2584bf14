package org.ruleone.telephony;

import java.time.Instant;

/**
 * A phone call was recorded, by an associate or by the store's telephony.
 *
 * @param rings            how many times it rang before it was answered, or {@code null} when not known
 * @param secondsToAnswer  seconds from the first ring to the answer, or {@code null} when not answered or not known
 * @param outcome          ANSWERED, MISSED, VOICEMAIL or ABANDONED
 * @param caseId           the case it belongs to, or {@code null}
 * @param associateId      who answered, or {@code null}
 */
public record CallLogged(long callId, long storeId, Long customerId, Long caseId, Long associateId,
                         Instant ringingAt, Integer rings, Integer secondsToAnswer, String outcome) {
}
