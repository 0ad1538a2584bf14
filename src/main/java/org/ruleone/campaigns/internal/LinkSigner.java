package org.ruleone.campaigns.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs the links in a campaign e-mail (unsubscribe, RSVP) so they work without signing in and cannot be forged for
 * another client: {@code <purpose>.<campaign>.<client>} and an HMAC-SHA256 of it. The key is made once and kept in
 * the database, so every node and every restart accepts the links already sent.
 */
@Component
public class LinkSigner {

    public enum Purpose { U, R }

    public record Link(Purpose purpose, long campaignId, long customerId) {
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient jdbc;
    private volatile byte[] key;

    LinkSigner(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String sign(Purpose purpose, long campaignId, long customerId) {
        String payload = purpose.name() + "." + campaignId + "." + customerId;
        return payload + "." + mac(payload);
    }

    public Optional<Link> verify(String token, Purpose expected) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 4 || !parts[0].equals(expected.name())) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(mac(payload).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Link(expected, Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            jdbc.sql("insert into campaign_link_key (id, secret) values (1, :s) on conflict (id) do nothing")
                    .param("s", fresh).update();
            k = jdbc.sql("select secret from campaign_link_key where id = 1").query(byte[].class).single();
            key = k;
        }
        return k;
    }
}
