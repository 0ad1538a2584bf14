package org.ruleone.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts the webhook outbox. Each due delivery is claimed ({@code for update skip locked}: several nodes share the
 * work and never post the same row at once), posted, and marked in one transaction. A failed post (no 2xx, no
 * answer, or an address now refused) is tried again after 30 s, 1 min, 2 min … (doubling, at most 6 h apart) and
 * given up as FAILED after {@code ruleone.webhooks.max-attempts}; the owner can retry it. A node dying after the
 * receiver's answer and before the commit posts that delivery again: receivers tell by the event's id.
 */
@Component
public class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final Duration LONGEST_WAIT = Duration.ofHours(6);
    private static final int ERROR_CAP = 500;

    /** What a post came to. */
    public enum Outcome { DELIVERED, RETRYING, FAILED }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final WebhookAddresses addresses;
    private final WebhookPost post;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstRetry;

    @Autowired
    WebhookSender(JdbcClient jdbc, TransactionTemplate tx, WebhookAddresses addresses, Clock clock,
                  @Value("${ruleone.webhooks.max-attempts:10}") int maxAttempts,
                  @Value("${ruleone.webhooks.first-retry:PT30S}") Duration firstRetry) {
        this(jdbc, tx, addresses, new WebhookPost(Duration.ofSeconds(5), Duration.ofSeconds(10)), clock,
                maxAttempts, firstRetry);
    }

    WebhookSender(JdbcClient jdbc, TransactionTemplate tx, WebhookAddresses addresses, WebhookPost post, Clock clock,
                  int maxAttempts, Duration firstRetry) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.addresses = addresses;
        this.post = post;
        this.clock = clock;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.firstRetry = firstRetry;
    }

    @Scheduled(fixedDelayString = "${ruleone.webhooks.interval:PT10S}",
            initialDelayString = "${ruleone.webhooks.initial-delay:PT10S}")
    void poll() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Webhooks: sending stopped for now: {}", e.toString());
        }
    }

    /** Posts every delivery due now (at most {@code limit} per call); returns how many were posted. */
    public int sendDue() {
        int posted = 0;
        while (posted < 500 && Boolean.TRUE.equals(tx.execute(status -> claimDue().map(this::attempt).isPresent()))) {
            posted++;
        }
        return posted;
    }

    /** Posts one delivery now, whatever its next attempt time (the owner's test and retry buttons). */
    public Optional<Outcome> sendNow(long deliveryId) {
        return tx.execute(status -> claim(deliveryId).map(this::attempt));
    }

    private record Claimed(long id, String body, int attempts, String url, String secret) {
    }

    private static final String CLAIM = """
            select d.id, d.body, d.attempts, e.url, e.secret
              from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
            """;

    private Optional<Claimed> claimDue() {
        return claim(CLAIM + """
                         where d.status = 'PENDING' and d.next_attempt_at <= ? and e.enabled
                         order by d.next_attempt_at, d.id
                         limit 1
                           for update of d skip locked
                        """, clock.instant().atOffset(ZoneOffset.UTC));
    }

    private Optional<Claimed> claim(long deliveryId) {
        return claim(CLAIM + " where d.id = ? and d.status = 'PENDING' for update of d skip locked", deliveryId);
    }

    private Optional<Claimed> claim(String sql, Object parameter) {
        return jdbc.sql(sql).param(parameter)
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }

    private Outcome attempt(Claimed delivery) {
        Instant now = clock.instant();
        int attempts = delivery.attempts() + 1;
        Integer status = null;
        String response = null;
        String error = null;
        try {
            // Checked again at every attempt: the name may resolve elsewhere since it was registered.
            WebhookAddresses.Target target = addresses.check(delivery.url());
            String signature = WebhookSignature.header(delivery.secret(), now.getEpochSecond(), delivery.body());
            WebhookPost.Answer answer = post.post(target, Map.of(WebhookSignature.HEADER, signature),
                    delivery.body().getBytes(StandardCharsets.UTF_8));
            status = answer.status();
            response = answer.bodyStart();
        } catch (WebhookAddresses.Refused refused) {
            error = "refused: " + refused.getMessage();
        } catch (IOException | RuntimeException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        Outcome outcome = status != null && status >= 200 && status < 300 ? Outcome.DELIVERED
                : attempts >= maxAttempts ? Outcome.FAILED : Outcome.RETRYING;
        if (outcome != Outcome.DELIVERED) {
            log.info("Webhook delivery {} attempt {} failed: {}", delivery.id(), attempts,
                    status != null ? "HTTP " + status : error);
        }
        jdbc.sql("""
                        update webhook_delivery
                           set status = ?, attempts = ?, last_attempt_at = ?, next_attempt_at = ?, last_status = ?,
                               last_response = ?, last_error = ?, delivered_at = ?
                         where id = ?
                        """)
                .params(outcome == Outcome.RETRYING ? "PENDING" : outcome.name(), attempts, at(now),
                        at(outcome == Outcome.RETRYING ? now.plus(wait(attempts)) : now), status, response,
                        error == null ? null : error.substring(0, Math.min(error.length(), ERROR_CAP))
                                .replace("\u0000", ""),
                        outcome == Outcome.DELIVERED ? at(now) : null, delivery.id())
                .update();
        return outcome;
    }

    /** The wait after the given number of failed attempts: the first retry's, doubled each time, at most 6 h. */
    Duration wait(int failedAttempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < failedAttempts && wait.compareTo(LONGEST_WAIT) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private static java.time.OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
