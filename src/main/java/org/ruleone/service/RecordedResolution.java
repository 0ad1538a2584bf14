package org.ruleone.service;

import java.time.Instant;

/** A resolution as given: by whom, when, and the associate's one sentence of why it helps the customer. */
public record RecordedResolution(Long id, Resolution resolution, String judgment, long associateId,
                                 Instant createdAt) {
}
