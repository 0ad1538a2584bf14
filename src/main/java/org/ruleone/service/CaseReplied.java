package org.ruleone.service;

import java.time.Instant;

import org.ruleone.shared.Language;

/**
 * An associate answered the customer, in the case's language. {@code firstResponse} when it was the case's first
 * answer; {@code waitingOnCustomer} when the case now waits for the customer.
 */
public record CaseReplied(long caseId, long storeId, long customerId, long associateId, Channel channel,
                          Language language, String body, boolean firstResponse, boolean waitingOnCustomer,
                          Instant at) {
}
