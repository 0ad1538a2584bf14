package org.ruleone.service.internal;

import java.time.Instant;
import java.time.LocalDate;

/** What a customer said they lost, on the case they opened about it. */
public record LostReport(long caseId, String description, LocalDate lostOn, long reportedBy, Instant reportedAt) {
}
