package org.ruleone.campaigns;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.ruleone.shared.IllegalTransitionException;
import org.ruleone.shared.Language;

/**
 * A campaign as stored: a DRAFT until it is sent, once ({@link #send}); the caller saves the result guarded by
 * the DRAFT status it started from, so a campaign is never sent twice.
 */
public record Campaign(long id, CampaignKind kind, Long storeId, Map<Language, String> titles,
                       Map<Language, String> bodies, String place, Instant startsAt, Instant endsAt,
                       AudienceFilter audience, int followDays, CampaignStatus status, long createdBy,
                       Instant createdAt, Long sentBy, Instant sentAt) {

    /**
     * Marks the draft sent by a person at a time.
     *
     * @throws IllegalTransitionException when it has been sent already
     */
    public Campaign send(long by, Instant at) {
        Objects.requireNonNull(at, "at");
        if (status != CampaignStatus.DRAFT) {
            throw new IllegalTransitionException("Campaign " + id, status, "be sent");
        }
        return new Campaign(id, kind, storeId, titles, bodies, place, startsAt, endsAt, audience, followDays,
                CampaignStatus.SENT, createdBy, createdAt, by, at);
    }

    /** The title in this language, else in English, else in any language that has one. */
    public String title(Language language) {
        return pick(titles, language);
    }

    public String body(Language language) {
        return pick(bodies, language);
    }

    private static String pick(Map<Language, String> texts, Language language) {
        String text = texts.getOrDefault(language, "");
        if (text.isBlank()) {
            text = texts.getOrDefault(Language.EN, "");
        }
        if (text.isBlank()) {
            text = texts.values().stream().filter(t -> !t.isBlank()).findFirst().orElse("");
        }
        return text;
    }
}
