package org.ruleone.campaigns;

import org.ruleone.shared.Language;

/** A client an audience reaches by e-mail: consented, with a deliverable address. */
public record Recipient(long customerId, long storeId, String firstName, String lastName, String email,
                        Language language, Long associateId) {
}
