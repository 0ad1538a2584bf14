package org.ruleone.campaigns.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.ruleone.platform.SignedLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The links in a campaign e-mail (unsubscribe, RSVP), signed by {@link SignedLinks} for one campaign and one client
 * so they work without signing in and cannot be forged for another client (ADR 0086). Links sent before SignedLinks
 * ({@code U.<campaign>.<client>.<signature>}, signed with the key kept in {@code campaign_link_key}) still verify:
 * they were promised to work, an unsubscribe link above all; nothing signs them any more.
 */
@Component
public class CampaignLinks {

    public enum Purpose {
        UNSUBSCRIBE(new SignedLinks.Purpose("campaign-unsubscribe"), "U", Duration.ofDays(3 * 366)),
        RSVP(new SignedLinks.Purpose("campaign-rsvp"), "R", Duration.ofDays(366));

        private final SignedLinks.Purpose signed;
        private final String legacy;
        private final Duration validFor;

        Purpose(SignedLinks.Purpose signed, String legacy, Duration validFor) {
            this.signed = signed;
            this.legacy = legacy;
            this.validFor = validFor;
        }
    }

    public record Link(Purpose purpose, long campaignId, long customerId) {
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SignedLinks links;
    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Optional<byte[]> legacyKey;

    CampaignLinks(SignedLinks links, JdbcClient jdbc, Clock clock) {
        this.links = links;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A token for this client and campaign: an unsubscribe link works for three years, an RSVP link for one. */
    public String sign(Purpose purpose, long campaignId, long customerId) {
        return links.sign(purpose.signed, campaignId + "." + customerId, clock.instant().plus(purpose.validFor));
    }

    public Optional<Link> verify(String token, Purpose expected) {
        Optional<String> subject = links.verify(expected.signed, token);
        if (subject.isPresent()) {
            return link(expected, subject.get().split("\\.", -1));
        }
        return verifyLegacy(token, expected);
    }

    private Optional<Link> verifyLegacy(String token, Purpose expected) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals(expected.legacy)) {
            return Optional.empty();
        }
        Optional<byte[]> key = legacyKey();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(legacyMac(key.get(), payload), parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return link(expected, new String[] {parts[1], parts[2]});
    }

    private static Optional<Link> link(Purpose purpose, String[] ids) {
        try {
            return ids.length != 2 ? Optional.empty()
                    : Optional.of(new Link(purpose, Long.parseLong(ids[0]), Long.parseLong(ids[1])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static byte[] legacyMac(byte[] key, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)))
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key the links sent before ADR 0086 were signed with; none when no campaign link was ever signed. */
    private Optional<byte[]> legacyKey() {
        Optional<byte[]> known = legacyKey;
        if (known == null) {
            known = jdbc.sql("select secret from campaign_link_key where id = 1").query(byte[].class).optional();
            legacyKey = known;
        }
        return known;
    }
}
