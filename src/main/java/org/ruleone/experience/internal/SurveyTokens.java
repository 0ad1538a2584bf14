package org.ruleone.experience.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The links to a survey (ADR 0093): a random 256-bit token, given once in a mail or an API answer and stored only as
 * its SHA-256, so the database never holds a working link. Several tokens may open the same invitation.
 */
@Component
public class SurveyTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final JdbcClient jdbc;
    private final Clock clock;

    SurveyTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new token for this invitation, to be put in a link now: it cannot be read back later. */
    public String issue(long invitationId) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        jdbc.sql("insert into survey_token (token_hash, invitation_id, created_at) values (:hash, :invitation, :at)")
                .param("hash", hash(token)).param("invitation", invitationId)
                .param("at", java.sql.Timestamp.from(clock.instant())).update();
        return token;
    }

    /** The invitation this token opens, whatever its state (the caller checks expiry and use); empty if none. */
    public Optional<Long> invitationOf(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("select invitation_id from survey_token where token_hash = :hash")
                .param("hash", hash(token)).query(Long.class).optional();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
