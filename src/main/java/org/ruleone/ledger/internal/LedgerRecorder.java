package org.ruleone.ledger.internal;

import java.sql.Timestamp;

import org.ruleone.service.CaseAssigned;
import org.ruleone.service.CaseOpened;
import org.ruleone.service.CaseReopened;
import org.ruleone.service.CaseResolved;
import org.ruleone.platform.PendingEvents;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes down, from the service desk's events, what the ledger and the review need: each resolution's cost, each
 * case's who and what, whether a reply apologised, and each reopening. Every handler is idempotent, so a
 * republished event changes nothing. A case's review row is written in the transaction that opens it (ADR 0126).
 */
@Component
class LedgerRecorder {

    private final JdbcClient jdbc;
    private final PendingEvents pendingEvents;

    LedgerRecorder(JdbcClient jdbc, PendingEvents pendingEvents) {
        this.jdbc = jdbc;
        this.pendingEvents = pendingEvents;
    }

    /** Written in the transaction that opens the case (ADR 0126): no event publication for an opening. */
    @EventListener
    public void on(CaseOpened e) {
        jdbc.sql("""
                insert into review_case (case_id, store_id, customer_id, owner_id, channel, subject, opened_at)
                values (:id, :store, :customer, :owner, :channel, :subject, :at)
                on conflict (case_id) do nothing
                """)
                .param("id", e.caseId()).param("store", e.storeId()).param("customer", e.customerId())
                .param("owner", e.ownerId()).param("channel", e.channel().name())
                .param("subject", e.subject() == null ? "" : e.subject()).param("at", Timestamp.from(e.openedAt()))
                .update();
    }

    /** Openings published before ADR 0126 whose review row was still owed (the process stopped after the commit). */
    @EventListener(ApplicationReadyEvent.class)
    void takeOverOpeningsOwed() {
        pendingEvents.takeOver(OPENED_AFTER_COMMIT, CaseOpened.class, this::on);
    }

    /** The event publication registry's name of {@link #on(CaseOpened)} when it ran after the commit. */
    static final String OPENED_AFTER_COMMIT =
            "org.ruleone.ledger.internal.LedgerRecorder.on(org.ruleone.service.CaseOpened)";

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CaseAssigned e) {
        jdbc.sql("update review_case set owner_id = :owner where case_id = :id")
                .param("owner", e.ownerId()).param("id", e.caseId()).update();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CaseResolved e) {
        jdbc.sql("""
                insert into ledger_spend (case_id, resolved_at, store_id, customer_id, associate_id, kind, cost,
                                          currency, judgment)
                values (:id, :at, :store, :customer, :associate, :kind, :cost, :currency, :judgment)
                on conflict (case_id, resolved_at) do nothing
                """)
                .param("id", e.caseId()).param("at", Timestamp.from(e.resolvedAt())).param("store", e.storeId())
                .param("customer", e.customerId()).param("associate", e.associateId()).param("kind", e.kind().name())
                .param("cost", e.cost().amount()).param("currency", e.cost().currencyCode())
                .param("judgment", e.judgment() == null ? "" : e.judgment())
                .update();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CaseReopened e) {
        jdbc.sql("""
                insert into review_reopen (case_id, at, by_customer) values (:id, :at, :byCustomer)
                on conflict (case_id, at) do nothing
                """)
                .param("id", e.caseId()).param("at", Timestamp.from(e.at())).param("byCustomer", e.associateId() == null)
                .update();
    }
}
