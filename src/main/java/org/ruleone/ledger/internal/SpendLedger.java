package org.ruleone.ledger.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.purchases.CustomerPurchases;
import org.ruleone.shared.Money;
import org.ruleone.shared.MoneyTotals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What was spent on customers per month (in the store's time zone), store, associate and currency, next to what
 * those customers bought afterwards. Each later purchase (net of returns) counts once, for the latest resolution
 * the customer had been given before it, so two resolutions never claim the same purchase. A line holds one
 * currency: resolutions in euros and in dollars make two lines, never one sum.
 */
@Component
public class SpendLedger {

    private final JdbcClient jdbc;
    private final CustomerPurchases purchases;
    private final Organization organization;

    SpendLedger(JdbcClient jdbc, CustomerPurchases purchases, Organization organization) {
        this.jdbc = jdbc;
        this.purchases = purchases;
        this.organization = organization;
    }

    /** One resolution's cost. */
    public record Spend(long caseId, Instant resolvedAt, long storeId, long customerId, long associateId, String kind,
                        Money cost) {
    }

    /**
     * One month, store, associate and currency; {@code cameBack} is what the customers bought afterwards, counted
     * in the currency of the resolution it follows (the store's).
     */
    public record Line(YearMonth month, long storeId, long associateId, Currency currency, int resolutions,
                       Money spent, Map<String, Money> spentByKind, int customers, int customersBack,
                       Money cameBack) {
    }

    private static final class Acc {
        int resolutions;
        Money spent;
        final Map<String, Money> byKind = new TreeMap<>();
        final Set<Long> customers = new HashSet<>();
        final Set<Long> back = new HashSet<>();
        BigDecimal cameBack = BigDecimal.ZERO;

        Acc(Currency currency) {
            spent = Money.zero(currency);
        }
    }

    private record Key(YearMonth month, long store, long associate, Currency currency) {
    }

    /** A store and the moments its window starts (inclusive) and ends (exclusive). */
    public record Window(long storeId, Instant from, Instant to) {
    }

    /**
     * What each store's resolutions cost within its window, one total per currency (by code), in one query; a store
     * that spent nothing is absent.
     */
    public Map<Long, List<Money>> spentWithin(List<Window> windows) {
        Map<Long, MoneyTotals> totals = new HashMap<>();
        if (windows.isEmpty()) {
            return Map.of();
        }
        jdbc.sql("""
                select s.store_id, s.currency, sum(s.cost)
                  from unnest(cast(:stores as bigint[]), cast(:froms as timestamptz[]), cast(:tos as timestamptz[]))
                       as w(store_id, from_at, to_at)
                  join ledger_spend s on s.store_id = w.store_id and s.resolved_at >= w.from_at
                                     and s.resolved_at < w.to_at
                 group by s.store_id, s.currency
                """)
                .param("stores", windows.stream().map(Window::storeId).toArray(Long[]::new))
                .param("froms", windows.stream().map(w -> w.from().toString()).toArray(String[]::new))
                .param("tos", windows.stream().map(w -> w.to().toString()).toArray(String[]::new))
                .query(rs -> {
                    totals.computeIfAbsent(rs.getLong(1), k -> new MoneyTotals())
                            .add(Money.of(rs.getBigDecimal(3), rs.getString(2)));
                });
        Map<Long, List<Money>> spent = new HashMap<>();
        totals.forEach((store, t) -> spent.put(store, t.amounts()));
        return spent;
    }

    public List<Line> since(Instant since, Optional<Long> store) {
        List<Spend> all = jdbc.sql("""
                select case_id, resolved_at, store_id, customer_id, associate_id, kind, cost, currency
                  from ledger_spend
                 where resolved_at >= :since
                   and customer_id in (select customer_id from ledger_spend
                                        where resolved_at >= :since
                                          and (cast(:store as bigint) is null or store_id = :store))
                 order by resolved_at
                """)
                .param("since", Timestamp.from(since)).param("store", store.orElse(null))
                .query((rs, n) -> new Spend(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getString(6), Money.of(rs.getBigDecimal(7), rs.getString(8))))
                .list();
        Map<Long, ZoneId> zones = new HashMap<>();
        for (StoreSummary s : organization.stores()) {
            zones.put(s.id(), s.timeZone());
        }
        Map<Spend, Key> keys = new HashMap<>();
        Map<Key, Acc> acc = new LinkedHashMap<>();
        Map<Long, List<Spend>> byCustomer = new HashMap<>();
        for (Spend s : all) {
            byCustomer.computeIfAbsent(s.customerId(), k -> new ArrayList<>()).add(s);
            if (store.isPresent() && store.get() != s.storeId()) {
                continue;
            }
            Key key = new Key(YearMonth.from(s.resolvedAt().atZone(zones.getOrDefault(s.storeId(), ZoneOffset.UTC))),
                    s.storeId(), s.associateId(), s.cost().currency());
            keys.put(s, key);
            Acc a = acc.computeIfAbsent(key, k -> new Acc(k.currency()));
            a.resolutions++;
            a.spent = a.spent.plus(s.cost());
            a.byKind.merge(s.kind(), s.cost(), Money::plus);
            a.customers.add(s.customerId());
        }
        if (!all.isEmpty()) {
            for (CustomerPurchases.Purchase p : purchases.since(byCustomer.keySet(), all.getFirst().resolvedAt())) {
                Spend latest = null;
                for (Spend s : byCustomer.getOrDefault(p.customerId(), List.of())) {
                    if (s.resolvedAt().isAfter(p.purchasedAt())) {
                        break;
                    }
                    latest = s;
                }
                Key key = latest == null ? null : keys.get(latest);
                if (key != null) {
                    Acc a = acc.get(key);
                    a.cameBack = a.cameBack.add(p.total());
                    a.back.add(p.customerId());
                }
            }
        }
        List<Line> lines = new ArrayList<>();
        acc.forEach((k, a) -> lines.add(new Line(k.month(), k.store(), k.associate(), k.currency(), a.resolutions,
                a.spent, a.byKind, a.customers.size(), a.back.size(),
                new Money(a.cameBack.setScale(2, java.math.RoundingMode.HALF_UP), k.currency()))));
        lines.sort(Comparator.comparing(Line::month).reversed().thenComparingLong(Line::storeId)
                .thenComparingLong(Line::associateId).thenComparing(l -> l.currency().getCurrencyCode()));
        return lines;
    }
}
