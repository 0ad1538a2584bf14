package org.ruleone.campaigns;

import java.time.Instant;
import java.util.Map;

import org.ruleone.shared.Language;

/**
 * What a person writes for a campaign: a title and text in each language, and for an event its time and place.
 *
 * @param storeId the store it is for, or {@code null} for every store (owner only)
 */
public record CampaignDraft(CampaignKind kind, Long storeId, Map<Language, String> titles,
                            Map<Language, String> bodies, String place, Instant startsAt, Instant endsAt,
                            AudienceFilter audience, int followDays) {

    public CampaignDraft {
        titles = titles == null ? Map.of() : Map.copyOf(titles);
        bodies = bodies == null ? Map.of() : Map.copyOf(bodies);
        place = place == null ? "" : place.strip();
    }
}
