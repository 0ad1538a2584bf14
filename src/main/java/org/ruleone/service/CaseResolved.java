package org.ruleone.service;

import java.time.Instant;
import java.util.Map;

import org.ruleone.platform.WebhookEvent;
import org.ruleone.shared.Money;

/** An associate resolved a case, spending {@code cost} on the customer for the reason in {@code judgment}. */
@WebhookEvent.Type("case.resolved")
public record CaseResolved(long caseId, long storeId, long customerId, long associateId, ResolutionKind kind,
                           Money cost, String judgment, Instant resolvedAt) implements WebhookEvent {

    @Override
    public Map<String, Object> webhookData() {
        return WebhookEvent.data("caseId", caseId, "storeId", storeId, "customerId", customerId,
                "associateId", associateId, "kind", kind,
                "cost", cost == null ? null : WebhookEvent.data("amount", cost.amount().toPlainString(),
                        "currency", cost.currency().getCurrencyCode()),
                "resolvedAt", resolvedAt);
    }
}
