package org.ruleone.mailroom.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseDraft;
import org.ruleone.service.Channel;
import org.ruleone.shared.Language;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public contact form of a store: opens a WEB_FORM case for the client (found by e-mail or added), at most a
 * few times an hour per address and per client IP, counted in the database so the limit holds on every node.
 */
@Service
public class ContactForms {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final CustomerFinder customers;
    private final CaseDesk desk;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int perAddress;
    private final int perIp;

    ContactForms(JdbcClient jdbc, CustomerFinder customers, CaseDesk desk, ApplicationEventPublisher events,
                 Clock clock,
                 @Value("${ruleone.mailroom.contact.per-address-per-hour:5}") int perAddress,
                 @Value("${ruleone.mailroom.contact.per-ip-per-hour:5}") int perIp) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.desk = desk;
        this.events = events;
        this.clock = clock;
        this.perAddress = perAddress;
        this.perIp = perIp;
    }

    /** What a person sent, already checked: single-line name and address, no control characters. */
    public record Submission(long storeId, String name, String email, String phone, String message, Language language,
                             String ip) {
    }

    public sealed interface Result {
        record Opened(long caseId, long clientId) implements Result {
        }

        record TooMany() implements Result {
        }
    }

    /** Published in the transaction that opened the case, so its confirmation is queued with it. */
    public record ContactReceived(long caseId, long storeId, long clientId, String name, String email,
                                  Language language, String subject) {
    }

    @Transactional
    public Result submit(Submission form) {
        String email = form.email().strip().toLowerCase(Locale.ROOT);
        // One submission at a time per address and per IP, on every node, so the count cannot be raced past.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('mailroom-contact:' || :key))").param("key", email)
                .query((rs, n) -> 1).list();
        jdbc.sql("select pg_advisory_xact_lock(hashtext('mailroom-contact-ip:' || :key))").param("key", form.ip())
                .query((rs, n) -> 1).list();
        Instant now = clock.instant();
        Timestamp since = Timestamp.from(now.minus(WINDOW));
        int byAddress = jdbc.sql("select count(*) from mailroom_contact_attempt where email = :email and at > :since")
                .param("email", email).param("since", since).query(Integer.class).single();
        int byIp = jdbc.sql("select count(*) from mailroom_contact_attempt where ip = :ip and at > :since")
                .param("ip", form.ip()).param("since", since).query(Integer.class).single();
        if (byAddress >= perAddress || byIp >= perIp) {
            return new Result.TooMany();
        }
        jdbc.sql("insert into mailroom_contact_attempt (store_id, email, ip, at) values (:store, :email, :ip, :at)")
                .param("store", form.storeId()).param("email", email).param("ip", form.ip())
                .param("at", Timestamp.from(now)).update();
        CustomerFinder.Found client = customers.findOrAdd(form.storeId(), form.email().strip(), form.name(),
                form.phone(), form.language());
        String subject = subjectOf(form.message());
        long caseId = desk.open(new CaseDraft(form.storeId(), client.clientId(), null, Channel.WEB_FORM, subject,
                form.language(), form.message()), Optional.of(form.storeId()));
        events.publishEvent(new ContactReceived(caseId, form.storeId(), client.clientId(), form.name(),
                form.email().strip(), form.language(), subject));
        return new Result.Opened(caseId, client.clientId());
    }

    /** The message's first line, cut at a word near 80 characters. */
    static String subjectOf(String message) {
        String first = message.strip().lines().findFirst().orElse("").replaceAll("[\\p{Cntrl}]", " ").strip();
        if (first.length() <= 80) {
            return first;
        }
        int space = first.lastIndexOf(' ', 80);
        return first.substring(0, space > 40 ? space : 80) + "…";
    }
}
