package org.ruleone.telephony;

import java.time.Instant;

/** A recorded call, as the call list and a case's page show it. */
public record PhoneCall(long id, long storeId, Long customerId, String callerNumber, Long associateId,
                        Instant ringingAt, Integer rings, Integer secondsToAnswer, CallOutcome outcome,
                        Integer durationSeconds, Long caseId, CallSource source, Instant createdAt) {
}
