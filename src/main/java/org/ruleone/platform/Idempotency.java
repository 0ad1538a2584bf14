package org.ruleone.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes an API call safe to retry: the first request with an {@code Idempotency-Key} does the work and its response
 * is stored in the same transaction; the same key with the same request gets that response again (the work is not
 * done twice, even when both arrive at once); the same key with a different request is refused.
 * Keys are scoped (e.g. per API token and endpoint) so two integrations cannot collide.
 */
@Component
public class Idempotency {

    /** The longest key accepted, as most APIs that use the header do. */
    public static final int MAX_KEY_LENGTH = 255;

    private final JdbcClient jdbc;
    private final Clock clock;

    public Idempotency(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An HTTP response as stored and replayed. */
    public record Response(int status, String contentType, String body) {
    }

    /** The response, and whether it is a replay of an earlier one. */
    public record Outcome(Response response, boolean replayed) {
    }

    /** The key was first used with a different request. */
    public static class KeyReusedException extends RuntimeException {
        public KeyReusedException(String key) {
            super("Idempotency-Key '" + key + "' was first used with a different request");
        }
    }

    /**
     * Runs {@code work} once for this scope and key. If {@code work} throws, nothing is stored and the key can be used
     * again.
     *
     * @param fingerprint identifies the request (see {@link #fingerprint(String)}); a retry must send the same one
     */
    @Transactional
    public Outcome once(String scope, String key, String fingerprint, Supplier<Response> work) {
        // A concurrent first request holds the row until it commits; this insert waits for it, then does nothing.
        int claimed = jdbc.sql("""
                insert into idempotency_key (scope, key, request_hash, status, content_type, body, created_at)
                values (:scope, :key, :hash, 0, '', '', :now)
                on conflict (scope, key) do nothing
                """)
                .param("scope", scope).param("key", key).param("hash", fingerprint)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (claimed == 0) {
            var stored = jdbc.sql("""
                    select request_hash, status, content_type, body from idempotency_key
                     where scope = :scope and key = :key
                    """)
                    .param("scope", scope).param("key", key)
                    .query((rs, n) -> new Object[] {rs.getString(1),
                            new Response(rs.getInt(2), rs.getString(3), rs.getString(4))})
                    .single();
            if (!fingerprint.equals(stored[0])) {
                throw new KeyReusedException(key);
            }
            return new Outcome((Response) stored[1], true);
        }
        Response response = work.get();
        jdbc.sql("""
                update idempotency_key set status = :status, content_type = :type, body = :body
                 where scope = :scope and key = :key
                """)
                .param("status", response.status()).param("type", response.contentType())
                .param("body", response.body()).param("scope", scope).param("key", key)
                .update();
        return new Outcome(response, false);
    }

    /** A SHA-256 of a canonical form of the request (for JSON: the parsed request written out again). */
    public static String fingerprint(String canonicalRequest) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
