package org.ruleone.experience;

import java.time.Instant;
import java.util.Map;

import org.ruleone.platform.WebhookEvent;

/**
 * A client finished a survey (or an imported answer was stored), with the facts as they were when answered.
 *
 * @param customerId   the client, or {@code null} for an anonymous answer
 * @param associateId  the associate who served and is credited, or {@code null} for the store
 * @param comeBack     "how likely are you to come back", 0–10, or {@code null} if not answered
 * @param satisfaction 1–5, or {@code null} if not answered
 * @param caseId       the case the survey followed, or {@code null}
 * @param invoice      the purchase the survey followed, or {@code null}
 */
@WebhookEvent.Type("survey.answered")
public record SurveyAnswered(long answerId, long storeId, Long customerId, Long associateId, SurveyChannel channel,
                             Integer comeBack, Integer satisfaction, String comment, Long caseId, String invoice,
                             Instant answeredAt) implements WebhookEvent {

    /** A detractor (0–6) or a low satisfaction (1–2): the loop must be closed with a follow-up. */
    public boolean unhappy() {
        return (comeBack != null && comeBack <= 6) || (satisfaction != null && satisfaction <= 2);
    }

    @Override
    public Map<String, Object> webhookData() {
        return WebhookEvent.data("answerId", answerId, "storeId", storeId, "customerId", customerId,
                "associateId", associateId, "channel", channel, "comeBack", comeBack, "satisfaction", satisfaction,
                "caseId", caseId, "invoice", invoice, "answeredAt", answeredAt);
    }
}
