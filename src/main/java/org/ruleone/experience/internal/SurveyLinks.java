package org.ruleone.experience.internal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.ruleone.platform.SignedLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The absolute links a survey mail holds, built from {@code ruleone.public-url} as campaigns builds its links: the
 * survey itself ({@code /survey/<token>}, a {@link SurveyTokens} token) and the opt-out from surveys, signed by
 * {@link SignedLinks} for one invitation (ADR 0086) and valid for three years, as an unsubscribe link must be.
 */
@Component
public class SurveyLinks {

    static final SignedLinks.Purpose OPT_OUT = new SignedLinks.Purpose("survey-opt-out");
    static final Duration OPT_OUT_VALID_FOR = Duration.ofDays(3 * 366);

    private final SignedLinks links;
    private final String publicUrl;
    private final String host;

    SurveyLinks(SignedLinks links, @Value("${ruleone.public-url:http://localhost:${server.port:8080}}") String publicUrl) {
        this.links = links;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.host = URI.create(this.publicUrl).getHost();
    }

    public String survey(String token) {
        return publicUrl + "/survey/" + token;
    }

    /** The store's own survey page, for its QR poster ({@link StoreSurveyLinks} signs the token). */
    public String storePage(String token) {
        return publicUrl + "/survey/store/" + token;
    }

    public String optOutToken(long invitationId, Instant now) {
        return links.sign(OPT_OUT, String.valueOf(invitationId), now.plus(OPT_OUT_VALID_FOR));
    }

    public String optOut(String token) {
        return publicUrl + "/public/unsubscribe/surveys/" + token;
    }

    /** The invitation an opt-out link was signed for; empty when forged, altered or expired. */
    public Optional<Long> invitationOfOptOut(String token) {
        return links.verify(OPT_OUT, token).flatMap(subject -> {
            try {
                return Optional.of(Long.parseLong(subject));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** The public site's host name, for a sender address when no other is configured. */
    String host() {
        return host;
    }
}
