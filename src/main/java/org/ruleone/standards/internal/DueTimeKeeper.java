package org.ruleone.standards.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.ruleone.platform.PendingEvents;
import org.ruleone.service.CaseAssigned;
import org.ruleone.service.CaseOpened;
import org.ruleone.service.CaseReopened;
import org.ruleone.service.CaseReplied;
import org.ruleone.service.CaseResolved;
import org.ruleone.service.CustomerWrote;
import org.ruleone.standards.BusinessCalendar;
import org.ruleone.standards.ChannelStandard;
import org.ruleone.standards.ServiceStandards;
import org.ruleone.standards.Standard;
import org.ruleone.telephony.CallLogged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps every case's due times from the service desk's events, in the order they happened (the opening in the
 * transaction that opens the case, every later event right after the service's transaction commits, in its own
 * transaction), and turns a missed due time into a breach:
 * when the late answer or resolution arrives, or when the scheduled check finds the due time passed.
 */
@Component
public class DueTimeKeeper {

    private static final Logger log = LoggerFactory.getLogger(DueTimeKeeper.class);

    private final CaseClocks clocks;
    private final ServiceStandards standards;
    private final BreachRecorder breaches;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final PendingEvents pendingEvents;

    DueTimeKeeper(CaseClocks clocks, ServiceStandards standards, BreachRecorder breaches, JdbcClient jdbc,
                  Clock clock, PlatformTransactionManager transactions, PendingEvents pendingEvents) {
        this.pendingEvents = pendingEvents;
        this.transaction = new TransactionTemplate(transactions);
        this.clocks = clocks;
        this.standards = standards;
        this.breaches = breaches;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A case's clock is written in the transaction that opens the case (ADR 0126): the case exists exactly when its
     * due times do, every later event of the case finds its clock, and opening a case costs no event publication.
     */
    @EventListener
    public void on(CaseOpened e) {
        ChannelStandard standard = standards.forChannel(e.storeId(), e.channel());
        BusinessCalendar calendar = standards.calendarOf(e.storeId());
        clocks.insert(new CaseClock(e.caseId(), e.storeId(), e.customerId(), e.channel(), e.ownerId(), e.openedAt(),
                standard.firstResponseMinutes(),
                calendar.plus(e.openedAt(), Duration.ofMinutes(standard.firstResponseMinutes())), null, null,
                e.openedAt(), standard.resolutionMinutes(),
                calendar.plus(e.openedAt(), Duration.ofMinutes(standard.resolutionMinutes())), null, null, null));
    }

    /** Openings published before ADR 0126 whose clock was still owed (the process stopped after their commit). */
    @EventListener(ApplicationReadyEvent.class)
    public void takeOverOpeningsOwed() {
        pendingEvents.takeOver(OPENED_AFTER_COMMIT, CaseOpened.class, this::on);
    }

    /** The event publication registry's name of {@link #on(CaseOpened)} when it ran after the commit. */
    public static final String OPENED_AFTER_COMMIT =
            "org.ruleone.standards.internal.DueTimeKeeper.on(org.ruleone.service.CaseOpened)";

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CaseReplied e) {
        clocks.lock(e.caseId()).ifPresent(c -> {
            CaseClock next = c;
            if (next.firstResponseAt() == null) {
                next = withFirstResponse(next, e.at(), e.associateId());
            }
            if (e.waitingOnCustomer() && next.waitingSince() == null && next.resolvedAt() == null) {
                next = withWaiting(next, e.at());
            } else if (!e.waitingOnCustomer() && next.waitingSince() != null) {
                next = resumed(next, e.at());
            }
            clocks.update(next);
            if (c.firstResponseAt() == null && e.at().isAfter(next.firstResponseDue())) {
                breaches.caseBreached(next, Standard.FIRST_RESPONSE, e.associateId(), "");
            }
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CustomerWrote e) {
        clocks.lock(e.caseId()).filter(c -> c.waitingSince() != null).ifPresent(c -> clocks.update(resumed(c, e.at())));
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CaseResolved e) {
        clocks.lock(e.caseId()).filter(c -> c.resolvedAt() == null).ifPresent(c -> {
            CaseClock next = c.waitingSince() != null ? resumed(c, e.resolvedAt()) : c;
            boolean firstAnswer = next.firstResponseAt() == null;
            if (firstAnswer) {
                // Resolving on the spot answers the customer too.
                next = withFirstResponse(next, e.resolvedAt(), e.associateId());
            }
            next = new CaseClock(next.caseId(), next.storeId(), next.customerId(), next.channel(), next.ownerId(),
                    next.openedAt(), next.firstResponseAllowed(), next.firstResponseDue(), next.firstResponseAt(),
                    next.firstResponderId(), next.resolutionStartedAt(), next.resolutionAllowed(),
                    next.resolutionDue(), e.resolvedAt(), e.associateId(), null);
            clocks.update(next);
            if (firstAnswer && e.resolvedAt().isAfter(next.firstResponseDue())) {
                breaches.caseBreached(next, Standard.FIRST_RESPONSE, e.associateId(), "");
            }
            if (e.resolvedAt().isAfter(next.resolutionDue())) {
                breaches.caseBreached(next, Standard.RESOLUTION, e.associateId(), "");
            }
        });
    }

    /** A reopened case gets a new resolution due time, counted from the reopening. */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CaseReopened e) {
        // A republished reopening older than the latest resolution must not undo that resolution.
        clocks.lock(e.caseId()).filter(c -> c.resolvedAt() != null && !e.at().isBefore(c.resolvedAt())).ifPresent(c -> {
            BusinessCalendar calendar = standards.calendarOf(c.storeId());
            clocks.update(new CaseClock(c.caseId(), c.storeId(), c.customerId(), c.channel(), c.ownerId(),
                    c.openedAt(), c.firstResponseAllowed(), c.firstResponseDue(), c.firstResponseAt(),
                    c.firstResponderId(), e.at(), c.resolutionAllowed(),
                    calendar.plus(e.at(), Duration.ofMinutes(c.resolutionAllowed())), null, null, null));
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CaseAssigned e) {
        jdbc.sql("update case_clock set owner_id = :owner where case_id = :id")
                .param("owner", e.ownerId()).param("id", e.caseId()).update();
    }

    /** A call answered after more rings than the store's standard, or not answered by a person, is a breach. */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CallLogged e) {
        int maxRings = standards.of(e.storeId()).maxRings();
        Integer rings = e.rings() != null ? e.rings() : ringsFromSeconds(e.secondsToAnswer());
        boolean answered = "ANSWERED".equalsIgnoreCase(e.outcome());
        boolean met = answered && (rings == null || rings <= maxRings);
        int inserted = jdbc.sql("""
                insert into call_answer (call_id, store_id, case_id, associate_id, ringing_at, rings, seconds,
                                         outcome, max_rings, met)
                values (:call, :store, :case, :associate, :at, :rings, :seconds, :outcome, :max, :met)
                on conflict (call_id) do nothing
                """)
                .param("call", e.callId()).param("store", e.storeId()).param("case", e.caseId())
                .param("associate", e.associateId()).param("at", CaseClocks.ts(e.ringingAt()))
                .param("rings", rings).param("seconds", e.secondsToAnswer())
                .param("outcome", e.outcome() == null ? "" : e.outcome().toUpperCase(java.util.Locale.ROOT))
                .param("max", maxRings).param("met", met)
                .update();
        if (inserted == 1 && !met) {
            String detail = answered ? "RINGS:" + rings : "OUTCOME:" + e.outcome();
            breaches.callBreached(e.callId(), e.storeId(), e.caseId(), e.associateId(), e.ringingAt(), detail);
        }
    }

    /** A ring cycle lasts about six seconds. */
    static Integer ringsFromSeconds(Integer seconds) {
        return seconds == null ? null : Math.max(1, (int) Math.ceil(seconds / 6.0));
    }

    /** Finds due times that passed with nothing done and records each as a breach, once. */
    @Scheduled(fixedDelayString = "${ruleone.standards.check-every:PT1M}", initialDelayString = "PT30S")
    public void checkScheduled() {
        try {
            transaction.executeWithoutResult(status -> check());
        } catch (RuntimeException ex) {
            log.warn("Service standards check failed; it runs again shortly", ex);
        }
    }

    /** @return how many breaches were recorded; call it inside a transaction so the events reach listeners */
    public int check() {
        Instant now = clock.instant();
        // A case whose events this keeper has not handled yet (a reply, a resolution) may have met its due time:
        // it waits for their resubmission (ADR 0076).
        Set<Long> pending = pendingEvents.idsPendingFor(DueTimeKeeper.class, "caseId");
        int found = 0;
        for (CaseClock c : clocks.overdueFirstResponses(now)) {
            if (!pending.contains(c.caseId())) {
                found += breaches.caseBreached(c, Standard.FIRST_RESPONSE, c.ownerId(), "") ? 1 : 0;
            }
        }
        for (CaseClock c : clocks.overdueResolutions(now)) {
            if (!pending.contains(c.caseId())) {
                found += breaches.caseBreached(c, Standard.RESOLUTION, c.associateFor(Standard.RESOLUTION), "")
                        ? 1 : 0;
            }
        }
        if (!pending.isEmpty()) {
            log.info("Service standards check skipped {} cases whose events are still pending", pending.size());
        }
        return found;
    }

    private static CaseClock withFirstResponse(CaseClock c, Instant at, Long by) {
        return new CaseClock(c.caseId(), c.storeId(), c.customerId(), c.channel(), c.ownerId(), c.openedAt(),
                c.firstResponseAllowed(), c.firstResponseDue(), at, by, c.resolutionStartedAt(),
                c.resolutionAllowed(), c.resolutionDue(), c.resolvedAt(), c.resolverId(), c.waitingSince());
    }

    private static CaseClock withWaiting(CaseClock c, Instant since) {
        return new CaseClock(c.caseId(), c.storeId(), c.customerId(), c.channel(), c.ownerId(), c.openedAt(),
                c.firstResponseAllowed(), c.firstResponseDue(), c.firstResponseAt(), c.firstResponderId(),
                c.resolutionStartedAt(), c.resolutionAllowed(), c.resolutionDue(), c.resolvedAt(), c.resolverId(),
                since);
    }

    /** The wait is over: the business time that was left when it began is counted again from now. */
    private CaseClock resumed(CaseClock c, Instant at) {
        Instant due = c.resolutionDue();
        if (due.isAfter(c.waitingSince())) {
            BusinessCalendar calendar = standards.calendarOf(c.storeId());
            due = calendar.plus(at, calendar.between(c.waitingSince(), due));
        }
        return new CaseClock(c.caseId(), c.storeId(), c.customerId(), c.channel(), c.ownerId(), c.openedAt(),
                c.firstResponseAllowed(), c.firstResponseDue(), c.firstResponseAt(), c.firstResponderId(),
                c.resolutionStartedAt(), c.resolutionAllowed(), due, c.resolvedAt(), c.resolverId(), null);
    }
}
