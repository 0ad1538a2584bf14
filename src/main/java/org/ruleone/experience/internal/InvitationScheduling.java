package org.ruleone.experience.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.ruleone.experience.SurveyChannel;
import org.ruleone.experience.SurveyRuleBook;
import org.ruleone.experience.SurveyRules;
import org.ruleone.purchases.PurchasesRecorded;
import org.ruleone.service.CaseResolved;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schedules a survey after a resolved case and after a purchase at the till or through the API (never after an
 * import of past purchases), due when the store's rules say. After the publisher's transaction, in the background
 * (ADR 0088), and idempotent: one invitation per case, one per client and batch of purchases, so a republished event
 * adds nothing. Whether it is sent at all (rules, opt-out, cooldown, quiet hours) is decided when it is due
 * ({@link InvitationSender}), on the facts of that moment.
 */
@Component
public class InvitationScheduling {

    private final JdbcClient jdbc;
    private final SurveyRuleBook ruleBook;
    private final Clock clock;

    InvitationScheduling(JdbcClient jdbc, SurveyRuleBook ruleBook, Clock clock) {
        this.jdbc = jdbc;
        this.ruleBook = ruleBook;
        this.clock = clock;
    }

    @ApplicationModuleListener
    public void on(CaseResolved event) {
        caseResolved(event);
    }

    @ApplicationModuleListener
    public void on(PurchasesRecorded event) {
        purchasesRecorded(event);
    }

    /** The survey after a resolved case, credited to the associate who resolved it. */
    @Transactional
    public void caseResolved(CaseResolved event) {
        SurveyRules rules = ruleBook.of(event.storeId());
        jdbc.sql("""
                insert into survey_invitation (store_id, customer_id, associate_id, trigger, case_id, language, status,
                                               due_at, created_at)
                select :store, c.id, :associate, 'CASE_RESOLVED', :case, c.language, 'SCHEDULED', :due, :at
                  from customer_directory c where c.id = :customer
                on conflict (case_id) where trigger = 'CASE_RESOLVED' do nothing
                """)
                .param("store", event.storeId()).param("customer", event.customerId())
                .param("associate", event.associateId()).param("case", event.caseId())
                .param("due", Timestamp.from(rules.dueAfter(SurveyChannel.CASE_RESOLVED, event.resolvedAt())))
                .param("at", Timestamp.from(event.resolvedAt()))
                .update();
    }

    /**
     * The survey after a till's purchases: one per client of the batch. A purchase the till sent long after it was
     * made (older than the link would live) is history too. Nobody is credited: a till does not say who served.
     */
    @Transactional
    public void purchasesRecorded(PurchasesRecorded event) {
        if (event.importId() != null || event.clients().isEmpty()) {
            return;
        }
        Instant at = event.at() != null ? event.at() : clock.instant();
        SurveyRules rules = ruleBook.of(event.storeId());
        Instant oldest = at.minus(Duration.ofDays(rules.expiryDays()));
        Long[] ids = event.clients().stream().filter(c -> c.lastAt().isAfter(oldest))
                .map(PurchasesRecorded.ClientPurchases::customerId).toArray(Long[]::new);
        if (ids.length == 0) {
            return;
        }
        jdbc.sql("""
                insert into survey_invitation (store_id, customer_id, trigger, language, status, due_at, created_at)
                select :store, c.id, 'PURCHASE', c.language, 'SCHEDULED', :due, :at
                  from customer_directory c where c.id = any(cast(:ids as bigint[]))
                on conflict (store_id, customer_id, created_at) where trigger = 'PURCHASE' do nothing
                """)
                .param("store", event.storeId()).param("ids", ids)
                .param("due", Timestamp.from(rules.dueAfter(SurveyChannel.PURCHASE, at)))
                .param("at", Timestamp.from(at))
                .update();
    }
}
