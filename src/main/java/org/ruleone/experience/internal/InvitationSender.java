package org.ruleone.experience.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.experience.SurveyChannel;
import org.ruleone.experience.SurveyRuleBook;
import org.ruleone.experience.SurveyRules;
import org.ruleone.mail.Outbox;
import org.ruleone.mail.QueuedMail;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.shared.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the surveys that are due, every minute, on one node at a time (the one holding the database lock; another
 * node skips the round). {@link #sendDue} takes the time, so a test moves it by hand.
 *
 * <p>In order: links past their expiry are marked EXPIRED; each invitation due is SKIPPED with its reason (the
 * store's rule is off, the client opted out of surveys, has no address, or was surveyed within the cooldown), or
 * postponed to the end of the store's quiet hours, or mailed through the outbox with a fresh token (SENT); then the
 * reminders due to clients who have not finished are mailed, each with a new token of its own.
 */
@Component
public class InvitationSender {

    /** What one call did. */
    public record Round(int sent, int skipped, int postponed, int reminded, int expired) {

        static final Round NONE = new Round(0, 0, 0, 0, 0);

        Round plus(Round other) {
            return new Round(sent + other.sent, skipped + other.skipped, postponed + other.postponed,
                    reminded + other.reminded, expired + other.expired);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(InvitationSender.class);
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SurveyRuleBook ruleBook;
    private final Organization organization;
    private final InvitationChecks checks;
    private final SurveyTokens tokens;
    private final SurveyLinks links;
    private final InvitationMail mail;
    private final Outbox outbox;
    private final Clock clock;
    private final String fromAddress;

    InvitationSender(JdbcClient jdbc, TransactionTemplate transactions, SurveyRuleBook ruleBook,
                     Organization organization, InvitationChecks checks, SurveyTokens tokens, SurveyLinks links,
                     InvitationMail mail, Outbox outbox, Clock clock,
                     @Value("${ruleone.experience.from-address:}") String fromAddress) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.ruleBook = ruleBook;
        this.organization = organization;
        this.checks = checks;
        this.tokens = tokens;
        this.links = links;
        this.mail = mail;
        this.outbox = outbox;
        this.clock = clock;
        this.fromAddress = fromAddress.isBlank() ? "surveys@" + links.host() : fromAddress.strip();
    }

    @Scheduled(cron = "${ruleone.experience.send-cron:0 * * * * *}")
    void sendScheduled() {
        try {
            Round round = sendDue(clock.instant());
            if (round.sent() + round.reminded() + round.skipped() > 0) {
                log.info("Surveys: {}", round);
            }
        } catch (RuntimeException e) {
            log.warn("Sending the surveys due failed; the next round tries again", e);
        }
    }

    /** Does everything due at {@code now}, in batches of its own transactions; nothing when another node is at it. */
    public Round sendDue(Instant now) {
        Round total = inBatch(() -> new Round(0, 0, 0, 0, expire(now)));
        if (total == null) {
            return Round.NONE;
        }
        Round batch;
        do {
            batch = inBatch(() -> firstMails(now));
            total = batch == null ? total : total.plus(batch);
        } while (batch != null && batch.sent() + batch.skipped() + batch.postponed() == BATCH);
        do {
            batch = inBatch(() -> reminders(now));
            total = batch == null ? total : total.plus(batch);
        } while (batch != null && batch.reminded() + batch.skipped() + batch.postponed() == BATCH);
        return total;
    }

    private Round inBatch(java.util.function.Supplier<Round> work) {
        return transactions.execute(tx -> Boolean.TRUE.equals(jdbc.sql(
                        "select pg_try_advisory_xact_lock(hashtext('ruleone-survey-sender'))")
                .query(Boolean.class).single()) ? work.get() : null);
    }

    private int expire(Instant now) {
        return jdbc.sql("""
                update survey_invitation set status = 'EXPIRED', next_reminder_at = null
                 where status in ('SENT', 'PARTIAL') and expires_at <= :now
                """).param("now", Timestamp.from(now)).update();
    }

    /** One client and invitation as the sender sees them. */
    record Due(long id, long storeId, Long customerId, Long associateId, SurveyChannel trigger, Long caseId,
               Language language, String email, String firstName, String lastName, boolean optedOut,
               int remindersSent, Instant expiresAt) {
    }

    private static final String DUE = """
            select i.id, i.store_id, i.customer_id, i.associate_id, i.trigger, i.case_id,
                   coalesce(c.language, i.language) as language, c.email, c.first_name, c.last_name,
                   coalesce(not k.granted, false) as opted_out, i.reminders_sent, i.expires_at
              from survey_invitation i
              left join customer_directory c on c.id = i.customer_id
              left join customer_survey_consent k on k.customer_id = i.customer_id
            """;

    private Round firstMails(Instant now) {
        List<Due> due = jdbc.sql(DUE + """
                 where i.status = 'SCHEDULED' and i.due_at <= :now
                 order by i.due_at, i.id limit :batch
                 for update of i skip locked
                """).param("now", Timestamp.from(now)).param("batch", BATCH).query(InvitationSender::due).list();
        Context context = new Context();
        int sent = 0;
        int skipped = 0;
        int postponed = 0;
        for (Due d : due) {
            SurveyRules rules = context.rules(d.storeId());
            Optional<String> skip = skipReason(d, rules, now);
            if (skip.isPresent()) {
                jdbc.sql("""
                        update survey_invitation set status = 'SKIPPED', skipped_reason = :reason
                         where id = :id and status = 'SCHEDULED'
                        """).param("reason", skip.get()).param("id", d.id()).update();
                skipped++;
                continue;
            }
            StoreSummary store = context.store(d.storeId());
            Instant open = rules.notQuiet(now, store.timeZone());
            if (open.isAfter(now)) {
                jdbc.sql("update survey_invitation set due_at = :at where id = :id")
                        .param("at", Timestamp.from(open)).param("id", d.id()).update();
                postponed++;
                continue;
            }
            Instant expires = now.plus(Duration.ofDays(rules.expiryDays()));
            mail(d, 0, expires, context, now);
            jdbc.sql("""
                    update survey_invitation set status = 'SENT', sent_at = :now, expires_at = :expires,
                                                 next_reminder_at = :reminder
                     where id = :id and status = 'SCHEDULED'
                    """)
                    .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expires))
                    .param("reminder", rules.reminders() == 0 ? null
                            : Timestamp.from(now.plus(Duration.ofDays(rules.reminderAfterDays()))))
                    .param("id", d.id()).update();
            sent++;
        }
        return new Round(sent, skipped, postponed, 0, 0);
    }

    private Optional<String> skipReason(Due d, SurveyRules rules, Instant now) {
        if (!rules.asksAfter(d.trigger())) {
            return Optional.of("RULE_OFF");
        }
        if (d.customerId() == null || !Outbox.accepts(d.email())) {
            return Optional.of("NO_EMAIL");
        }
        if (d.optedOut()) {
            return Optional.of("OPTED_OUT");
        }
        if (checks.surveyedWithin(d.customerId(), d.id(), rules.cooldownDays(), now)) {
            return Optional.of("COOLDOWN");
        }
        return Optional.empty();
    }

    private Round reminders(Instant now) {
        List<Due> due = jdbc.sql(DUE + """
                 where i.status in ('SENT', 'PARTIAL') and i.next_reminder_at <= :now
                   and (i.expires_at is null or i.expires_at > :now)
                 order by i.next_reminder_at, i.id limit :batch
                 for update of i skip locked
                """).param("now", Timestamp.from(now)).param("batch", BATCH).query(InvitationSender::due).list();
        Context context = new Context();
        int reminded = 0;
        int dropped = 0;
        int postponed = 0;
        for (Due d : due) {
            SurveyRules rules = context.rules(d.storeId());
            if (d.remindersSent() >= rules.reminders() || d.optedOut() || !Outbox.accepts(d.email())) {
                jdbc.sql("update survey_invitation set next_reminder_at = null where id = :id")
                        .param("id", d.id()).update();
                dropped++;
                continue;
            }
            Instant open = rules.notQuiet(now, context.store(d.storeId()).timeZone());
            if (open.isAfter(now)) {
                jdbc.sql("update survey_invitation set next_reminder_at = :at where id = :id")
                        .param("at", Timestamp.from(open)).param("id", d.id()).update();
                postponed++;
                continue;
            }
            int reminder = d.remindersSent() + 1;
            mail(d, reminder, d.expiresAt(), context, now);
            jdbc.sql("""
                    update survey_invitation set reminders_sent = :n, next_reminder_at = :next
                     where id = :id and reminders_sent = :n - 1
                    """)
                    .param("n", reminder).param("id", d.id())
                    .param("next", reminder >= rules.reminders() ? null
                            : Timestamp.from(now.plus(Duration.ofDays(rules.reminderAfterDays()))))
                    .update();
            reminded++;
        }
        return new Round(0, dropped, postponed, reminded, 0);
    }

    /** Issues a token and queues the mail (the first one, or a reminder) with the outbox, keyed per reminder. */
    private void mail(Due d, int reminder, Instant expires, Context context, Instant now) {
        StoreSummary store = context.store(d.storeId());
        InvitationMail.Sender from = context.servedBy(d.associateId())
                .map(a -> new InvitationMail.Sender(a.name(), a.email(), a.email(), store.name(), store.timeZone()))
                .orElseGet(() -> new InvitationMail.Sender(store.name(), fromAddress, null, store.name(),
                        store.timeZone()));
        String token = tokens.issue(d.id());
        var addressee = new InvitationMail.Addressee(d.id(), d.email().strip(), d.firstName(), d.lastName(),
                d.language(), d.trigger(), d.caseId());
        QueuedMail queued = outbox.enqueue(mail.compose(addressee, from, reminder, links.survey(token),
                links.optOut(links.optOutToken(d.id(), now)), expires, d.storeId()));
        jdbc.sql("""
                insert into survey_invitation_mail (message_id, invitation_id, dedupe_key, reminder, queued_at)
                values (:mid, :id, :key, :reminder, :now) on conflict do nothing
                """)
                .param("mid", queued.messageId()).param("id", d.id())
                .param("key", InvitationMail.dedupeKey(d.id(), reminder)).param("reminder", reminder)
                .param("now", Timestamp.from(now)).update();
    }

    /** Stores, rules and associates looked up once per batch. */
    private final class Context {
        private final Map<Long, SurveyRules> rules = new HashMap<>();
        private final Map<Long, StoreSummary> stores = new HashMap<>();
        private final Map<Long, Optional<AssociateSummary>> associates = new HashMap<>();

        SurveyRules rules(long storeId) {
            return rules.computeIfAbsent(storeId, ruleBook::of);
        }

        StoreSummary store(long storeId) {
            return stores.computeIfAbsent(storeId, id -> organization.store(id).orElseThrow());
        }

        /** The associate who served, while they still work here; empty: the mail comes from the store. */
        Optional<AssociateSummary> servedBy(Long associateId) {
            return associateId == null ? Optional.empty() : associates.computeIfAbsent(associateId,
                    id -> organization.associate(id).filter(AssociateSummary::active));
        }
    }

    private static Due due(ResultSet rs, int row) throws SQLException {
        Timestamp expires = rs.getTimestamp("expires_at");
        return new Due(rs.getLong("id"), rs.getLong("store_id"), rs.getObject("customer_id", Long.class),
                rs.getObject("associate_id", Long.class), SurveyChannel.valueOf(rs.getString("trigger")),
                rs.getObject("case_id", Long.class), Language.fromCode(rs.getString("language")).orElse(Language.EN),
                rs.getString("email"), rs.getString("first_name"), rs.getString("last_name"),
                rs.getBoolean("opted_out"), rs.getInt("reminders_sent"), expires == null ? null : expires.toInstant());
    }
}
