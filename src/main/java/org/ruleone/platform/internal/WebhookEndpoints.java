package org.ruleone.platform.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The owner's webhook endpoints and their recent deliveries (ADR 0119). */
@Component
public class WebhookEndpoints {

    /** An endpoint as the owner sees it: never its secret. */
    public record Endpoint(long id, String url, List<String> events, boolean enabled, String createdBy,
                           Instant createdAt, Instant rotatedAt) {
    }

    /** A delivery as the owner sees it: status, attempts and the last answer (its first kilobyte). */
    public record Delivery(long id, long endpointId, String eventType, String status, int attempts,
                           Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt, Integer lastStatus,
                           String lastResponse, String lastError) {
    }

    /** A new endpoint, or a rotated one, with its secret: shown to the owner this once. */
    public record WithSecret(long id, String secret) {
    }

    private final JdbcClient jdbc;
    private final WebhookAddresses addresses;
    private final WebhookTypes types;
    private final Clock clock;

    WebhookEndpoints(JdbcClient jdbc, WebhookAddresses addresses, WebhookTypes types, Clock clock) {
        this.jdbc = jdbc;
        this.addresses = addresses;
        this.types = types;
        this.clock = clock;
    }

    /** Registers an endpoint after checking its URL and where its host resolves now. */
    public WithSecret register(String url, Set<String> events, String createdBy) throws WebhookAddresses.Refused {
        addresses.check(url);
        String secret = WebhookSignature.newSecret();
        long id = jdbc.sql("""
                        insert into webhook_endpoint (url, secret, events, created_by, created_at)
                        values (?, ?, ?::text[], ?, ?) returning id
                        """)
                .params(url.strip(), secret, known(events), createdBy, clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .query(Long.class).single();
        return new WithSecret(id, secret);
    }

    public List<Endpoint> list() {
        return jdbc.sql("select * from webhook_endpoint order by id").query(WebhookEndpoints::endpoint).list();
    }

    public Optional<Endpoint> find(long id) {
        return jdbc.sql("select * from webhook_endpoint where id = ?").param(id).query(WebhookEndpoints::endpoint)
                .optional();
    }

    public void choose(long id, Set<String> events) {
        jdbc.sql("update webhook_endpoint set events = ?::text[] where id = ?").params(known(events), id).update();
    }

    public void enable(long id, boolean enabled) {
        jdbc.sql("update webhook_endpoint set enabled = ? where id = ?").params(enabled, id).update();
    }

    /** A new secret replaces the old one at once: deliveries from now on are signed with it. */
    public Optional<WithSecret> rotate(long id) {
        String secret = WebhookSignature.newSecret();
        int changed = jdbc.sql("update webhook_endpoint set secret = ?, rotated_at = ? where id = ?")
                .params(secret, clock.instant().atOffset(java.time.ZoneOffset.UTC), id).update();
        return changed == 0 ? Optional.empty() : Optional.of(new WithSecret(id, secret));
    }

    /** Deletes the endpoint and its deliveries. */
    public void delete(long id) {
        jdbc.sql("delete from webhook_endpoint where id = ?").param(id).update();
    }

    public List<Delivery> deliveries(long endpointId, int limit) {
        return jdbc.sql("""
                        select id, endpoint_id, event_type, status, attempts, created_at, last_attempt_at,
                               next_attempt_at, last_status, last_response, last_error
                          from webhook_delivery where endpoint_id = ? order by id desc limit ?
                        """)
                .params(endpointId, limit)
                .query((rs, n) -> new Delivery(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getString("event_type"),
                        rs.getString("status"), rs.getInt("attempts"), instant(rs, "created_at"),
                        instant(rs, "last_attempt_at"), instant(rs, "next_attempt_at"),
                        (Integer) rs.getObject("last_status"), rs.getString("last_response"),
                        rs.getString("last_error")))
                .list();
    }

    /** Makes a delivery due now again with a fresh count of attempts; whether it belonged to the endpoint. */
    @Transactional
    public boolean retry(long endpointId, long deliveryId) {
        return jdbc.sql("""
                        update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?
                         where id = ? and endpoint_id = ? and status <> 'DELIVERED'
                        """)
                .params(clock.instant().atOffset(java.time.ZoneOffset.UTC), deliveryId, endpointId).update() == 1;
    }

    private String[] known(Set<String> events) {
        return events.stream().filter(types.all()::contains).sorted().toArray(String[]::new);
    }

    private static Endpoint endpoint(ResultSet rs, int n) throws SQLException {
        Array events = rs.getArray("events");
        return new Endpoint(rs.getLong("id"), rs.getString("url"), Arrays.asList((String[]) events.getArray()),
                rs.getBoolean("enabled"), rs.getString("created_by"), instant(rs, "created_at"),
                instant(rs, "rotated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
