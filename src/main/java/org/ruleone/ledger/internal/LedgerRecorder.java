package org.ruleone.ledger.internal;

import java.sql.Timestamp;

import org.ruleone.service.CaseAssigned;
import org.ruleone.service.CaseOpened;
import org.ruleone.service.CaseReopened;
import org.ruleone.service.CaseResolved;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes down, from the service desk's events, what the ledger and the review need: each resolution's cost, each
 * case's who and what, whether a reply apologised, and each reopening. Every handler is idempotent, so a
 * republished event changes nothing.
 */
@Component
class LedgerRecorder {

    private final JdbcClient jdbc;

    LedgerRecorder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
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
