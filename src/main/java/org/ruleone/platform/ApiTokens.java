package org.ruleone.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates, checks and revokes API tokens for integrations. The secret is shown once and stored only as a hash. */
@Component
public class ApiTokens {

    private static final String PREFIX = "r1_";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public String create(String name, Long storeId, long createdBy) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try {
            jdbc.sql("""
                    insert into api_token (name, store_id, token_hash, token_prefix, created_by, created_at)
                    values (:name, :store, :hash, :prefix, :by, :at)
                    """)
                    .param("name", name).param("store", storeId).param("hash", hash(token))
                    .param("prefix", token.substring(0, 8)).param("by", createdBy)
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw new IllegalArgumentException("No store " + storeId + " for a token", e);
        }
        return token;
    }

    public Optional<ApiClient> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        // Every request reads the token; only one a minute writes when it was last used, so concurrent requests
        // with one token do not queue on its row.
        Timestamp now = Timestamp.from(clock.instant());
        Optional<ApiClient> found = jdbc.sql("""
                select id, name, store_id, last_used_at from api_token
                 where token_hash = :hash and revoked_at is null
                """)
                .param("hash", hash(token))
                .query((rs, n) -> {
                    Timestamp used = rs.getTimestamp("last_used_at");
                    ApiClient client = new ApiClient(rs.getLong("id"), rs.getString("name"),
                            Optional.ofNullable((Long) rs.getObject("store_id")));
                    return used == null || used.toInstant().isBefore(now.toInstant().minus(USE_RESOLUTION))
                            ? new Seen(client, true) : new Seen(client, false);
                })
                .optional()
                .map(seen -> {
                    if (seen.stale()) {
                        jdbc.sql("update api_token set last_used_at = :now where id = :id")
                                .param("now", now).param("id", seen.client().tokenId()).update();
                    }
                    return seen.client();
                });
        return found;
    }

    private static final java.time.Duration USE_RESOLUTION = java.time.Duration.ofMinutes(1);

    private record Seen(ApiClient client, boolean stale) {
    }

    public void revoke(long id) {
        jdbc.sql("update api_token set revoked_at = :now where id = :id and revoked_at is null")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    public List<TokenView> list() {
        return jdbc.sql("""
                select id, name, token_prefix, store_id, created_at, last_used_at, revoked_at
                  from api_token order by id desc
                """)
                .query((rs, n) -> new TokenView(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
                        (Long) rs.getObject("store_id"), instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record TokenView(long id, String name, String prefix, Long storeId, Instant createdAt, Instant lastUsedAt,
                     Instant revokedAt) {
    }
}
