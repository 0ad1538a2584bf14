package org.ruleone.standards.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.ruleone.standards.Standard;
import org.ruleone.standards.StandardBreached;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stores a breach once and announces it once: a second attempt for the same case and standard does nothing. */
@Component
class BreachRecorder {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    BreachRecorder(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** @return true when this was the first breach of that standard for the case */
    boolean caseBreached(CaseClock clock, Standard standard, Long associateId, String detail) {
        Instant due = clock.due(standard);
        Optional<Long> id = jdbc.sql("""
                insert into standard_breach (store_id, standard, case_id, associate_id, due_at, breached_at, detail)
                values (:store, :standard, :case, :associate, :due, :due, :detail)
                on conflict (case_id, standard) where case_id is not null and call_id is null do nothing
                returning id
                """)
                .param("store", clock.storeId()).param("standard", standard.name()).param("case", clock.caseId())
                .param("associate", associateId).param("due", Timestamp.from(due)).param("detail", detail)
                .query(Long.class).optional();
        id.ifPresent(breach -> events.publishEvent(new StandardBreached(breach, clock.storeId(), standard,
                clock.caseId(), null, associateId, due, due)));
        return id.isPresent();
    }

    boolean callBreached(long callId, long storeId, Long caseId, Long associateId, Instant ringingAt, String detail) {
        Optional<Long> id = jdbc.sql("""
                insert into standard_breach (store_id, standard, case_id, call_id, associate_id, breached_at, detail)
                values (:store, 'PHONE_ANSWER', :case, :call, :associate, :at, :detail)
                on conflict (call_id) where call_id is not null do nothing
                returning id
                """)
                .param("store", storeId).param("case", caseId).param("call", callId).param("associate", associateId)
                .param("at", Timestamp.from(ringingAt)).param("detail", detail)
                .query(Long.class).optional();
        id.ifPresent(breach -> events.publishEvent(new StandardBreached(breach, storeId, Standard.PHONE_ANSWER,
                caseId, callId, associateId, null, ringingAt)));
        return id.isPresent();
    }
}
