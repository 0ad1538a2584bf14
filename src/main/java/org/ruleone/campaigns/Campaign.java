package org.ruleone.campaigns;

import java.time.Instant;
import java.util.Map;

import org.ruleone.shared.Language;

/** A campaign as stored. */
public record Campaign(long id, CampaignKind kind, Long storeId, Map<Language, String> titles,
                       Map<Language, String> bodies, String place, Instant startsAt, Instant endsAt,
                       AudienceFilter audience, int followDays, CampaignStatus status, long createdBy,
                       Instant createdAt, Long sentBy, Instant sentAt) {

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
