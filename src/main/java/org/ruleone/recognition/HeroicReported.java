package org.ruleone.recognition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ruleone.platform.WebhookEvent;

/**
 * Someone reported a heroic act they witnessed: who reported it, its heroes with the store each worked in, the day
 * it happened, the client and case it was for (either may be {@code null}), and when it was reported.
 */
@WebhookEvent.Type("heroic.reported")
public record HeroicReported(long heroicId, long reportedBy, List<Hero> heroes, LocalDate happenedOn,
                             Long customerId, Long caseId, Instant reportedAt) implements WebhookEvent {

    public HeroicReported {
        heroes = List.copyOf(heroes);
    }

    /** A hero and the store they worked in when the heroic was reported ({@code null} for the owner). */
    public record Hero(long associateId, Long storeId) {
    }

    @Override
    public Map<String, Object> webhookData() {
        return WebhookEvent.data("heroicId", heroicId, "reportedBy", reportedBy,
                "heroes", heroes.stream().map(h -> WebhookEvent.data("associateId", h.associateId(), "storeId", h.storeId()))
                        .toList(),
                "happenedOn", happenedOn, "customerId", customerId, "caseId", caseId, "reportedAt", reportedAt);
    }
}
