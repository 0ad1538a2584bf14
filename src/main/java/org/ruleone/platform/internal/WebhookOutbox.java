package org.ruleone.platform.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ruleone.platform.WebhookEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a delivery for every enabled endpoint subscribed to a {@link WebhookEvent}, in the transaction that
 * published it (ADR 0119): the deliveries commit with the case, the answer or the erasure, or not at all, so no
 * event is lost between the commit and the outbox and none is sent for work that rolled back.
 */
@Component
public class WebhookOutbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    WebhookOutbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(WebhookEvent event) {
        String type = event.webhookType();
        List<Long> endpoints = jdbc.sql("select id from webhook_endpoint where enabled and ? = any(events) order by id")
                .param(type).query(Long.class).list();
        if (!endpoints.isEmpty()) {
            write(endpoints, type, event.webhookData());
        }
    }

    /** Queues the test event for one endpoint (enabled or not: the owner asked); returns the delivery's id. */
    public long test(long endpointId) {
        return write(List.of(endpointId), WebhookTypes.TEST, WebhookTypes.testData()).getFirst();
    }

    private List<Long> write(List<Long> endpoints, String type, Map<String, Object> data) {
        UUID eventId = UUID.randomUUID();
        Instant now = clock.instant();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", eventId.toString());
        envelope.put("type", type);
        envelope.put("created", now.toString());
        envelope.put("data", data);
        String body = json.writeValueAsString(envelope);
        return endpoints.stream().map(endpoint -> jdbc.sql("""
                        insert into webhook_delivery (endpoint_id, event_id, event_type, body, next_attempt_at, created_at)
                        values (?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(endpoint, eventId, type, body, now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC))
                .query(Long.class).single()).toList();
    }
}
