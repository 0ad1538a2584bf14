package org.ruleone.experience;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.ruleone.experience.internal.MysteryLinks;
import org.ruleone.experience.internal.MysteryReturnMail;
import org.ruleone.mail.Outbox;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.shared.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The manager's side of a mystery visit (ADR 0101): accept the shopper's report (its score kept as it was, and
 * {@link MysteryVisitAccepted} published), return it with a question (the shopper mailed a new link), mark the
 * reward paid ({@link MysteryRewardPaid}, which the ledger records). Each acts only from the status it needs and
 * with a guard on it, so two managers acting at once act once; the events are published in the same transaction.
 */
@Component
public class MysteryReviews {

    public static final int MAX_QUESTION = 2000;
    /** A report returned near or after its link's expiry still leaves the shopper this long to answer. */
    static final Duration ANSWER_RETURN_WITHIN = Duration.ofDays(7);

    /** How a manager's action came out. */
    public enum Result {
        DONE,
        /** No such visit in the manager's stores. */
        NOT_FOUND,
        /** The visit is not in the status this action needs (or someone else just moved it). */
        WRONG_STATUS,
        QUESTION_MISSING, QUESTION_TOO_LONG,
        /** The reward was already marked paid. */
        ALREADY_PAID,
        /** A gift's value that is not a positive amount of at most two decimals. */
        BAD_VALUE
    }

    private final JdbcClient jdbc;
    private final MysteryVisits visits;
    private final MysteryChecklists checklists;
    private final MysteryReports reports;
    private final MysteryLinks links;
    private final MysteryReturnMail returnMail;
    private final Outbox outbox;
    private final Organization organization;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MysteryReviews(JdbcClient jdbc, MysteryVisits visits, MysteryChecklists checklists, MysteryReports reports,
                   MysteryLinks links, MysteryReturnMail returnMail, Outbox outbox, Organization organization,
                   ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.visits = visits;
        this.checklists = checklists;
        this.reports = reports;
        this.links = links;
        this.returnMail = returnMail;
        this.outbox = outbox;
        this.organization = organization;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The same, at another time (the demo's history). Not a Spring proxy: call it inside a transaction of your own,
     * so the events reach their listeners when it commits.
     */
    public MysteryReviews asOf(Clock then) {
        return new MysteryReviews(jdbc, visits, checklists, reports, links, returnMail, outbox, organization, events,
                then);
    }

    /** The visit's score from the answers kept now (for a report not yet accepted, or to show one). */
    public MysteryScore score(MysteryVisit visit) {
        return MysteryScoring.score(checklists.version(visit.checklistVersionId()).orElseThrow().items(),
                reports.answers(visit.id()));
    }

    /** What the reward was worth when it was paid; empty when not paid, or a gift paid without a value. */
    public Optional<Money> paidValue(long visitId) {
        return jdbc.sql("""
                select reward_paid_amount, reward_paid_currency from mystery_visit
                 where id = :id and reward_paid_amount is not null
                """)
                .param("id", visitId).query((rs, n) -> Money.of(rs.getBigDecimal(1), rs.getString(2))).optional();
    }

    /** Accepts a SUBMITTED report: keeps its score and flag as they are now and publishes them. */
    @Transactional
    public Result accept(long visitId, long managerId, Optional<Long> storeScope) {
        Optional<MysteryVisit> found = visits.find(visitId, storeScope);
        Instant now = clock.instant();
        Result moved = fromSubmitted(found, MysteryVisitStatus.ACCEPTED, now);
        if (moved != Result.DONE) {
            return moved;
        }
        MysteryVisit visit = found.get();
        MysteryChecklists.Version version = checklists.version(visit.checklistVersionId()).orElseThrow();
        MysteryScore score = MysteryScoring.score(version.items(), reports.answers(visitId));
        jdbc.sql("""
                update mystery_visit set earned = :earned, possible = :possible, score = :score, flagged = :flagged,
                       accepted_at = :at, accepted_by = :by where id = :id
                """)
                .param("earned", score.earned()).param("possible", score.possible()).param("score", score.percent())
                .param("flagged", score.flagged()).param("at", Timestamp.from(now)).param("by", managerId)
                .param("id", visitId).update();
        events.publishEvent(new MysteryVisitAccepted(visitId, visit.storeId(), visit.department(),
                visit.targetKind(), visit.businessName(), visit.shopperId(), version.checklistId(), version.version(),
                visit.visitedAt(), score.earned(), score.possible(), score.percent(), score.flagged(),
                score.items().stream().map(i -> new MysteryVisitAccepted.ItemResult(i.key(), i.outcome().name(),
                        i.earned(), i.possible(), i.critical())).toList(),
                managerId, now));
        return Result.DONE;
    }

    /**
     * Returns a SUBMITTED report to its shopper with a question: the visit opens to them again (its link working at
     * least {@link #ANSWER_RETURN_WITHIN} more), and they are mailed the question with a new link, in their language.
     */
    @Transactional
    public Result returnWithQuestion(long visitId, String question, long managerId, Optional<Long> storeScope) {
        String asked = question == null ? "" : question.strip();
        if (asked.isEmpty()) {
            return Result.QUESTION_MISSING;
        }
        if (asked.length() > MAX_QUESTION) {
            return Result.QUESTION_TOO_LONG;
        }
        Optional<MysteryVisit> found = visits.find(visitId, storeScope);
        Instant now = clock.instant();
        Result moved = fromSubmitted(found, MysteryVisitStatus.RETURNED, now);
        if (moved != Result.DONE) {
            return moved;
        }
        MysteryVisit visit = found.get();
        Instant expires = visit.expiresAt().isAfter(now.plus(ANSWER_RETURN_WITHIN)) ? visit.expiresAt()
                : now.plus(ANSWER_RETURN_WITHIN);
        jdbc.sql("""
                update mystery_visit set return_question = :q, returned_at = :at, returned_by = :by,
                       expires_at = :expires where id = :id
                """)
                .param("q", asked).param("at", Timestamp.from(now)).param("by", managerId)
                .param("expires", Timestamp.from(expires)).param("id", visitId).update();
        MysteryReports.Shopper shopper = reports.shopper(visit.shopperId()).orElseThrow();
        StoreSummary store = organization.store(visit.storeId()).orElseThrow();
        String token = links.issue(visitId, shopper.id());
        outbox.enqueue(returnMail.compose(visitId, now, shopper, store, asked, token, expires));
        return Result.DONE;
    }

    /** Moves a SUBMITTED visit on, guarded: WRONG_STATUS when it is not (or no longer) SUBMITTED. */
    private Result fromSubmitted(Optional<MysteryVisit> found, MysteryVisitStatus to, Instant now) {
        if (found.isEmpty()) {
            return Result.NOT_FOUND;
        }
        return found.get().status() == MysteryVisitStatus.SUBMITTED
                && visits.move(found.get().id(), MysteryVisitStatus.SUBMITTED, to, now)
                ? Result.DONE : Result.WRONG_STATUS;
    }

    /**
     * Marks an ACCEPTED visit's reward paid, once: a money reward at its agreed amount, a gift at the value given
     * here (in the store's currency; null: the value agreed, if any) and publishes {@link MysteryRewardPaid}.
     */
    @Transactional
    public Result markRewardPaid(long visitId, BigDecimal giftValue, long managerId, Optional<Long> storeScope) {
        Optional<MysteryVisit> found = visits.find(visitId, storeScope);
        if (found.isEmpty()) {
            return Result.NOT_FOUND;
        }
        MysteryVisit visit = found.get();
        if (visit.status() != MysteryVisitStatus.ACCEPTED) {
            return Result.WRONG_STATUS;
        }
        if (visit.rewardPaidAt() != null) {
            return Result.ALREADY_PAID;
        }
        Money value;
        if ("MONEY".equals(visit.rewardKind())) {
            value = Money.of(visit.rewardAmount(), visit.rewardCurrency());
        } else if (giftValue != null) {
            if (giftValue.signum() < 0 || giftValue.stripTrailingZeros().scale() > 2
                    || giftValue.compareTo(new BigDecimal("1000000")) >= 0) {
                return Result.BAD_VALUE;
            }
            String currency = visit.rewardCurrency() != null ? visit.rewardCurrency()
                    : organization.store(visit.storeId()).map(StoreSummary::currencyCode)
                            .orElse(StoreSummary.DEFAULT_CURRENCY);
            value = Money.of(giftValue, currency);
        } else if (visit.rewardAmount() != null) {
            value = Money.of(visit.rewardAmount(), visit.rewardCurrency());
        } else {
            value = null;
        }
        Instant now = clock.instant();
        int paid = jdbc.sql("""
                update mystery_visit set reward_paid_at = :at, reward_paid_by = :by, reward_paid_amount = :amount,
                       reward_paid_currency = :currency, updated_at = :at
                 where id = :id and status = 'ACCEPTED' and reward_paid_at is null
                """)
                .param("at", Timestamp.from(now)).param("by", managerId)
                .param("amount", value == null ? null : value.amount())
                .param("currency", value == null ? null : value.currencyCode()).param("id", visitId).update();
        if (paid == 0) {
            return Result.ALREADY_PAID;
        }
        events.publishEvent(new MysteryRewardPaid(visitId, visit.storeId(), visit.shopperId(), visit.rewardKind(),
                value, visit.rewardGift(), managerId, now));
        return Result.DONE;
    }
}
