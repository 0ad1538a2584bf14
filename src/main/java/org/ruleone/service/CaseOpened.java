package org.ruleone.service;

import java.time.Instant;
import java.util.Map;

import org.ruleone.platform.WebhookEvent;
import org.ruleone.shared.Language;

/** A customer's problem or request became a case. */
@WebhookEvent.Type("case.opened")
public record CaseOpened(long caseId, long storeId, long customerId, Long ownerId, Channel channel, String subject,
                         Language language, Instant openedAt) implements WebhookEvent {

    @Override
    public Map<String, Object> webhookData() {
        return WebhookEvent.data("caseId", caseId, "storeId", storeId, "customerId", customerId, "ownerId", ownerId,
                "channel", channel, "language", language, "openedAt", openedAt);
    }
}
