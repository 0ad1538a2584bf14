package org.ruleone.experience.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A mystery shopper's personal link to a visit (ADR 0099): a random 256-bit token, given once in the mail and stored
 * only as its SHA-256, naming the shopper it was mailed to. Whether it still opens the visit (status, expiry, the
 * visit still that shopper's) is the caller's check, on what {@link #holderOf} returns.
 */
@Component
public class MysteryLinks {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final JdbcClient jdbc;
    private final Clock clock;

    MysteryLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Who a token was given to, for which visit. */
    public record Holder(long visitId, long shopperId) {
    }

    /** A new token for this shopper and visit, to be put in a link now: it cannot be read back later. */
    public String issue(long visitId, long shopperId) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        jdbc.sql("""
                insert into mystery_visit_token (token_hash, visit_id, shopper_id, created_at)
                values (:hash, :visit, :shopper, :at)
                """)
                .param("hash", SurveyTokens.hash(token)).param("visit", visitId).param("shopper", shopperId)
                .param("at", Timestamp.from(clock.instant())).update();
        return token;
    }

    /** The visit and shopper this token was mailed for, whatever the visit's state now; empty if none. */
    public Optional<Holder> holderOf(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("select visit_id, shopper_id from mystery_visit_token where token_hash = :hash")
                .param("hash", SurveyTokens.hash(token))
                .query((rs, n) -> new Holder(rs.getLong(1), rs.getLong(2))).optional();
    }
}
