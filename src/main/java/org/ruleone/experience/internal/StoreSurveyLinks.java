package org.ruleone.experience.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.ruleone.platform.SignedLinks;
import org.springframework.stereotype.Component;

/**
 * The link on a store's QR poster (ADR 0093, 0095): signed for the store, so another store's id cannot be typed into
 * it, and valid for years, as a poster stays on the wall. Not single-use: anyone in the store may answer.
 */
@Component
public class StoreSurveyLinks {

    static final SignedLinks.Purpose PURPOSE = new SignedLinks.Purpose("survey-store");
    /** A poster lasts longer than a campaign's unsubscribe link; a new one is printed if a key is withdrawn. */
    static final Duration VALID_FOR = Duration.ofDays(5 * 366);

    private final SignedLinks links;
    private final SurveyLinks addresses;
    private final Clock clock;

    StoreSurveyLinks(SignedLinks links, SurveyLinks addresses, Clock clock) {
        this.links = links;
        this.addresses = addresses;
        this.clock = clock;
    }

    public String token(long storeId) {
        return links.sign(PURPOSE, Long.toString(storeId), clock.instant().plus(VALID_FOR));
    }

    /** The whole address, for the poster. */
    public String url(long storeId) {
        return addresses.storePage(token(storeId));
    }

    /** The store a link was signed for, if it was and is still valid. */
    public Optional<Long> storeOf(String token) {
        return links.verify(PURPOSE, token).flatMap(subject -> {
            try {
                return Optional.of(Long.parseLong(subject));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
