package org.ruleone.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ruleone.ledger.internal.SpendLedger;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.shared.Money;
import org.springframework.stereotype.Service;

/** The ledger's figures for other modules' screens (the home dashboard). */
@Service
public class LedgerFigures {

    private final SpendLedger ledger;
    private final Organization organization;
    private final Clock clock;

    LedgerFigures(SpendLedger ledger, Organization organization, Clock clock) {
        this.ledger = ledger;
        this.organization = organization;
        this.clock = clock;
    }

    /**
     * What a store's resolutions cost this calendar month (in the store's time zone), one total
     * per currency, by code (a store may have spent in more than one).
     */
    public List<Money> spentThisMonth(long storeId) {
        return organization.store(storeId).map(s -> spentThisMonth(List.of(s)).getOrDefault(storeId, List.of()))
                .orElse(List.of());
    }

    /** {@link #spentThisMonth(long)} of several stores in one query; a store that spent nothing maps to nothing. */
    public Map<Long, List<Money>> spentThisMonth(List<StoreSummary> stores) {
        Instant now = clock.instant();
        return ledger.spentWithin(stores.stream().map(s -> {
            YearMonth month = YearMonth.from(now.atZone(s.timeZone()));
            return new SpendLedger.Window(s.id(), month.atDay(1).atStartOfDay(s.timeZone()).toInstant(),
                    month.plusMonths(1).atDay(1).atStartOfDay(s.timeZone()).toInstant());
        }).toList());
    }

    /**
     * One month and currency of a store or every store: what the resolutions cost, and what their customers bought
     * afterwards (each later purchase counted once, for the latest resolution before it, as on the ledger page).
     */
    public record Month(YearMonth month, Money spent, Money cameBack) {
    }

    /**
     * The months from {@code from} on (in each store's time zone), oldest first and, within a month, by currency;
     * {@code store} empty means every store (a caller limited to one store must set it).
     */
    public List<Month> monthly(YearMonth from, Optional<Long> store) {
        // a day early: the month starts earlier east of UTC; the lines say their own (local) month
        Instant since = from.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().minus(Duration.ofDays(1));
        Map<YearMonth, Map<String, Month>> months = new TreeMap<>();
        for (SpendLedger.Line line : ledger.since(since, store)) {
            if (line.month().isBefore(from)) {
                continue;
            }
            months.computeIfAbsent(line.month(), m -> new TreeMap<>()).merge(line.currency().getCurrencyCode(),
                    new Month(line.month(), line.spent(), line.cameBack()),
                    (a, b) -> new Month(a.month(), a.spent().plus(b.spent()), a.cameBack().plus(b.cameBack())));
        }
        return months.values().stream().flatMap(m -> m.values().stream()).toList();
    }
}
