package org.ruleone.service;

import java.time.Instant;

import org.ruleone.shared.Language;

/**
 * An associate answered the customer, in the case's language. {@code firstResponse} when it was the case's first
 * answer; {@code waitingOnCustomer} when the case now waits for the customer. It carries the message as it was
 * sent (the case's subject at that moment and the reply's text), so a listener never re-reads the case for it.
 */
public record CaseReplied(long caseId, long storeId, long customerId, long associateId, Channel channel,
                          Language language, String subject, String body, boolean firstResponse,
                          boolean waitingOnCustomer, Instant at) {
}
