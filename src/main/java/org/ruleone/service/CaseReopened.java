package org.ruleone.service;

import java.time.Instant;
import java.util.Map;

import org.ruleone.platform.WebhookEvent;

/**
 * A resolved case was opened again, by an associate ({@code associateId}) or by the customer writing again
 * ({@code associateId} null). {@code timesReopened} counts this one.
 */
@WebhookEvent.Type("case.reopened")
public record CaseReopened(long caseId, long storeId, long customerId, Long associateId, int timesReopened,
                           Instant at) implements WebhookEvent {

    @Override
    public Map<String, Object> webhookData() {
        return WebhookEvent.data("caseId", caseId, "storeId", storeId, "customerId", customerId,
                "associateId", associateId, "timesReopened", timesReopened, "reopenedAt", at);
    }
}
