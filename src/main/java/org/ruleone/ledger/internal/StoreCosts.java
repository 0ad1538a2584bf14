package org.ruleone.ledger.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.experience.MysteryRewardPaid;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What stores spent that was not spent on a customer (ADR 0101): for now the mystery shoppers' rewards, recorded
 * from experience's {@link MysteryRewardPaid} and shown per month (in the store's time zone), store, kind and
 * currency, apart from the spend on customers. A gift paid without a value is counted as a gift, never as zero.
 */
@Component
public class StoreCosts {

    public static final String MYSTERY_SHOP = "MYSTERY_SHOP";
    static final String MYSTERY_VISIT_SOURCE = "mystery-visit";

    private final JdbcClient jdbc;
    private final Organization organization;

    StoreCosts(JdbcClient jdbc, Organization organization) {
        this.jdbc = jdbc;
        this.organization = organization;
    }

    /**
     * One month, store, kind and currency: how many costs and their sum. {@code currency} and {@code paid} are
     * null on the line of gifts given without a value.
     */
    public record Line(YearMonth month, long storeId, String kind, String currency, int count, Money paid) {

        public boolean giftsWithoutValue() {
            return paid == null;
        }
    }

    /** Idempotent: the same reward paid twice (a republished event) is recorded once. */
    @ApplicationModuleListener
    public void on(MysteryRewardPaid e) {
        jdbc.sql("""
                insert into ledger_store_cost (source, source_id, paid_at, store_id, kind, amount, currency, gift)
                values (:source, :id, :at, :store, :kind, :amount, :currency, :gift)
                on conflict (source, source_id) do nothing
                """)
                .param("source", MYSTERY_VISIT_SOURCE).param("id", e.visitId()).param("at", Timestamp.from(e.paidAt()))
                .param("store", e.storeId()).param("kind", MYSTERY_SHOP)
                .param("amount", e.value() == null ? null : e.value().amount())
                .param("currency", e.value() == null ? null : e.value().currencyCode())
                .param("gift", e.gift() == null ? "" : e.gift())
                .update();
    }

    private record Cost(Instant paidAt, long storeId, String kind, BigDecimal amount, String currency) {
    }

    private record Key(YearMonth month, long storeId, String kind, String currency) {
    }

    public List<Line> since(Instant since, Optional<Long> store) {
        List<Cost> costs = jdbc.sql("""
                select paid_at, store_id, kind, amount, currency from ledger_store_cost
                 where paid_at >= :since and (cast(:store as bigint) is null or store_id = :store)
                """)
                .param("since", Timestamp.from(since)).param("store", store.orElse(null))
                .query((rs, n) -> new Cost(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getString(5)))
                .list();
        Map<Long, ZoneId> zones = new HashMap<>();
        for (StoreSummary s : organization.stores()) {
            zones.put(s.id(), s.timeZone());
        }
        Map<Key, Line> lines = new LinkedHashMap<>();
        for (Cost c : costs) {
            Key key = new Key(YearMonth.from(c.paidAt().atZone(zones.getOrDefault(c.storeId(), ZoneOffset.UTC))),
                    c.storeId(), c.kind(), c.currency());
            Money paid = c.amount() == null ? null : Money.of(c.amount(), c.currency());
            lines.merge(key, new Line(key.month(), c.storeId(), c.kind(), c.currency(), 1, paid),
                    (a, b) -> new Line(a.month(), a.storeId(), a.kind(), a.currency(), a.count() + 1,
                            a.paid() == null ? null : a.paid().plus(b.paid())));
        }
        List<Line> sorted = new ArrayList<>(lines.values());
        sorted.sort(Comparator.comparing(Line::month).reversed().thenComparingLong(Line::storeId)
                .thenComparing(Line::kind)
                .thenComparing(l -> l.currency() == null ? "~" : l.currency()));
        return sorted;
    }
}
