package org.ruleone.rankings.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.ruleone.experience.MysteryVisitAccepted;
import org.ruleone.experience.SurveyAnswered;
import org.ruleone.purchases.CustomerPurchases;
import org.ruleone.purchases.PurchasesRecorded;
import org.ruleone.recognition.HeroicReported;
import org.ruleone.service.CaseResolved;
import org.ruleone.standards.StandardBreached;
import org.ruleone.training.RoleplayFeedbackGiven;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes down what the rankings weigh, from the other modules' events (ADR 0110). Each row is keyed by the event's
 * own id, so a republished event changes nothing; feedback given again replaces the older only when newer.
 */
@Component
class Projections {

    static final String OWN_STORE = "OWN_STORE";

    private final JdbcClient jdbc;
    private final CustomerPurchases purchases;

    private final RankingCache cache;

    Projections(JdbcClient jdbc, CustomerPurchases purchases, RankingCache cache) {
        this.cache = cache;
        this.jdbc = jdbc;
        this.purchases = purchases;
    }

    /** Credited to the associate who served, as the answer names them; a promoter, else a satisfied client, is happy. */
    @ApplicationModuleListener
    public void on(SurveyAnswered e) {
        cache.changed();
        Boolean happy = e.comeBack() != null ? Boolean.valueOf(e.comeBack() >= 9)
                : e.satisfaction() != null ? Boolean.valueOf(e.satisfaction() >= 4) : null;
        jdbc.sql("""
                insert into rankings_survey (answer_id, store_id, associate_id, customer_id, happy, answered_at)
                values (:id, :store, :associate, :customer, :happy, :at)
                on conflict (answer_id) do nothing
                """).param("id", e.answerId()).param("store", e.storeId()).param("associate", e.associateId())
                .param("customer", e.customerId()).param("happy", happy).param("at", ts(e.answeredAt()))
                .update();
    }

    @ApplicationModuleListener
    public void on(HeroicReported e) {
        cache.changed();
        for (HeroicReported.Hero hero : e.heroes()) {
            jdbc.sql("""
                    insert into rankings_heroic (heroic_id, associate_id, store_id, happened_on)
                    values (:id, :associate, :store, :on)
                    on conflict (heroic_id, associate_id) do nothing
                    """).param("id", e.heroicId()).param("associate", hero.associateId())
                    .param("store", hero.storeId()).param("on", Date.valueOf(e.happenedOn()))
                    .update();
        }
    }

    /** Only visits to our own stores with a score; a visit to another business is a comparison, not a result. */
    @ApplicationModuleListener
    public void on(MysteryVisitAccepted e) {
        cache.changed();
        if (!OWN_STORE.equals(e.targetKind()) || e.percent() == null) {
            return;
        }
        jdbc.sql("""
                insert into rankings_mystery (visit_id, store_id, department, percent, visited_at)
                values (:id, :store, :department, :percent, :at)
                on conflict (visit_id) do nothing
                """).param("id", e.visitId()).param("store", e.storeId())
                .param("department", e.department() == null ? "" : e.department()).param("percent", e.percent())
                .param("at", ts(e.visitedAt()))
                .update();
    }

    @ApplicationModuleListener
    public void on(CaseResolved e) {
        cache.changed();
        jdbc.sql("""
                insert into rankings_resolution (case_id, resolved_at, store_id, associate_id, customer_id)
                values (:id, :at, :store, :associate, :customer)
                on conflict (case_id, resolved_at) do nothing
                """).param("id", e.caseId()).param("at", ts(e.resolvedAt())).param("store", e.storeId())
                .param("associate", e.associateId()).param("customer", e.customerId())
                .update();
    }

    /** Only a case's breaches; a call's breach has no case to resolve. */
    @ApplicationModuleListener
    public void on(StandardBreached e) {
        cache.changed();
        if (e.caseId() == null) {
            return;
        }
        jdbc.sql("""
                insert into rankings_breach (breach_id, case_id, breached_at) values (:id, :case, :at)
                on conflict (breach_id) do nothing
                """).param("id", e.breachId()).param("case", e.caseId()).param("at", ts(e.breachedAt()))
                .update();
    }

    @ApplicationModuleListener
    public void on(RoleplayFeedbackGiven e) {
        cache.changed();
        jdbc.sql("""
                insert into rankings_feedback (feedback_id, session_id, store_id, associate_id, mean_score, given_at)
                values (:id, :session, :store, :associate, :mean, :at)
                on conflict (feedback_id) do update set mean_score = excluded.mean_score, given_at = excluded.given_at
                 where rankings_feedback.given_at < excluded.given_at
                """).param("id", e.feedbackId()).param("session", e.sessionId()).param("store", e.storeId())
                .param("associate", e.associateId()).param("mean", e.mean()).param("at", ts(e.givenAt()))
                .update();
    }

    /**
     * The batch's purchases (the event names the clients and when; the amounts are read through the purchases
     * module's API, purchases being facts that do not change), each credited to the client's associate in the book
     * now, as the purchase is recorded.
     */
    @ApplicationModuleListener
    public void on(PurchasesRecorded e) {
        cache.changed();
        if (e.clients().isEmpty()) {
            return;
        }
        Map<Long, PurchasesRecorded.ClientPurchases> batch = e.clients().stream()
                .collect(Collectors.toMap(PurchasesRecorded.ClientPurchases::customerId, c -> c, (a, b) -> a));
        Instant since = e.clients().stream().map(PurchasesRecorded.ClientPurchases::firstAt)
                .min(Instant::compareTo).orElseThrow();
        List<CustomerPurchases.Purchase> stored = purchases.since(batch.keySet(), since).stream()
                .filter(p -> p.storeId() == e.storeId())
                .filter(p -> !p.purchasedAt().isAfter(batch.get(p.customerId()).lastAt())
                        && !p.purchasedAt().isBefore(batch.get(p.customerId()).firstAt()))
                .toList();
        Map<Long, Long> associateOf = associates(batch.keySet());
        // One statement for the whole batch: an import may bring thousands of purchases.
        jdbc.sql("""
                insert into rankings_purchase (purchase_id, store_id, customer_id, associate_id, purchased_at, total,
                                               is_return)
                select * from unnest(cast(:ids as bigint[]), cast(:stores as bigint[]), cast(:customers as bigint[]),
                                     cast(:associates as bigint[]), cast(cast(:ats as text[]) as timestamptz[]),
                                     cast(cast(:totals as text[]) as numeric[]), cast(:returns as boolean[]))
                on conflict (purchase_id) do nothing
                """)
                .param("ids", stored.stream().map(CustomerPurchases.Purchase::purchaseId).toArray(Long[]::new))
                .param("stores", stored.stream().map(CustomerPurchases.Purchase::storeId).toArray(Long[]::new))
                .param("customers", stored.stream().map(CustomerPurchases.Purchase::customerId).toArray(Long[]::new))
                .param("associates", stored.stream().map(p -> associateOf.get(p.customerId())).toArray(Long[]::new))
                .param("ats", stored.stream().map(p -> p.purchasedAt().toString()).toArray(String[]::new))
                .param("totals", stored.stream().map(p -> p.total().toPlainString()).toArray(String[]::new))
                .param("returns", stored.stream().map(CustomerPurchases.Purchase::isReturn).toArray(Boolean[]::new))
                .update();
    }

    private Map<Long, Long> associates(Set<Long> customers) {
        Map<Long, Long> associates = new HashMap<>();
        jdbc.sql("""
                select id, associate_id from customer_directory
                 where id = any(cast(:ids as bigint[])) and associate_id is not null
                """).param("ids", customers.toArray(Long[]::new))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                        associates.put(rs.getLong(1), rs.getLong(2)));
        return associates;
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
