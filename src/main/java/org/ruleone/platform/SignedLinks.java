package org.ruleone.platform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Links a client or a shopper follows without signing in (unsubscribe, RSVP, a survey, a mystery shop): each is
 * signed for one purpose and one subject until a given time, with HMAC-SHA256, so it cannot be forged, stretched,
 * altered or used for another purpose (ADR 0086).
 *
 * <p>A token is {@code s1.<subject in base64url>.<expiry in epoch seconds>.<signature>}; the purpose is signed but
 * not written, so a link signed for "campaign-rsvp" is no link at all for "campaign-unsubscribe" or "survey".
 *
 * <p>Keys: {@code RULEONE_LINK_KEYS}, base64 keys of 32 bytes or more separated by commas; the first signs, the
 * others still verify the links already sent until they are removed (rotation). Without it, and with the embedded
 * database only, a key file in the data directory made on first run, one key a line in the same order. With a
 * database server the application refuses to start without {@code RULEONE_LINK_KEYS}: every node must sign and
 * verify with the same keys. Keys are never in the database nor in the repository.
 */
@Component
public class SignedLinks {

    /** What a link is for, e.g. {@code campaign-unsubscribe}: lower-case letters, digits and dashes. */
    public record Purpose(String name) {

        private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

        public Purpose {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("A purpose is lower-case letters, digits and dashes: " + name);
            }
        }
    }

    static final int MIN_KEY_BYTES = 32;
    static final int MAX_TOKEN_LENGTH = 512;
    private static final String VERSION = "s1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_READ = Base64.getUrlDecoder();

    private final List<byte[]> keys;
    private final Clock clock;

    @Autowired
    SignedLinks(@Value("${ruleone.links.keys:}") String configuredKeys,
                @Value("${ruleone.links.key-file:./data/links.key}") Path keyFile,
                @Value("${spring.datasource.url:}") String databaseServerUrl, Clock clock) {
        this(keys(configuredKeys, keyFile, databaseServerUrl), clock);
    }

    /** With these keys, the first signing; for tests and tools. */
    public SignedLinks(List<byte[]> keys, Clock clock) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("Signed links need at least one key");
        }
        keys.forEach(k -> {
            if (k.length < MIN_KEY_BYTES) {
                throw new IllegalStateException("A link key (RULEONE_LINK_KEYS) must be at least " + MIN_KEY_BYTES
                        + " bytes in base64, not " + k.length + "; make one with `openssl rand -base64 32`");
            }
        });
        this.keys = keys.stream().map(byte[]::clone).toList();
        this.clock = clock;
    }

    /**
     * A token for this purpose and subject, valid until {@code expiresAt}.
     *
     * @param subject what the link is about, as its purpose's owner writes it (e.g. {@code "12.345"} for a
     *                campaign and a client); it is readable in the link, so nothing secret
     */
    public String sign(Purpose purpose, String subject, Instant expiresAt) {
        String payload = B64.encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "."
                + expiresAt.getEpochSecond();
        return VERSION + "." + payload + "." + B64.encodeToString(mac(keys.getFirst(), purpose, payload));
    }

    /** The subject of a token signed for this purpose with one of the keys and not expired; else empty. */
    public Optional<String> verify(Purpose purpose, String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            return Optional.empty();
        }
        byte[] given;
        Instant expiry;
        String subject;
        try {
            given = B64_READ.decode(parts[3]);
            expiry = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            subject = new String(B64_READ.decode(parts[1]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | DateTimeException malformed) {
            return Optional.empty();
        }
        String payload = parts[1] + "." + parts[2];
        boolean signed = false;
        for (byte[] key : keys) {
            // every key is tried, each in constant time, so timing tells nothing about which one nearly matched
            signed |= MessageDigest.isEqual(mac(key, purpose, payload), given);
        }
        if (!signed || !clock.instant().isBefore(expiry)) {
            return Optional.empty();
        }
        return Optional.of(subject);
    }

    private static byte[] mac(byte[] key, Purpose purpose, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal((VERSION + "\n" + purpose.name() + "\n" + payload).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<byte[]> keys(String configured, Path keyFile, String databaseServerUrl) {
        if (configured.isBlank() && !databaseServerUrl.isBlank()) {
            throw new IllegalStateException("""
                    RULEONE_LINK_KEYS is not set. With a database server (SPRING_DATASOURCE_URL), every node must sign \
                    and verify the links sent to clients with the same keys: set RULEONE_LINK_KEYS on all nodes to the \
                    same base64 of 32 random bytes, made once with `openssl rand -base64 32`. If links were sent \
                    before, use the content of the links.key file of the node that sent them.""");
        }
        String text = configured.isBlank() ? KeyFiles.readOrCreate(keyFile, MIN_KEY_BYTES) : configured;
        return Arrays.stream(text.split("[,\\s]+")).filter(k -> !k.isBlank()).map(SignedLinks::decoded).toList();
    }

    private static byte[] decoded(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A link key (RULEONE_LINK_KEYS) is not base64; make one with "
                    + "`openssl rand -base64 32`");
        }
    }
}
