package org.ruleone.ledger.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.ruleone.ledger.internal.SpendLedger;
import org.ruleone.shared.Money;

/**
 * The ledger's charts and totals: one per currency, so a chain with stores in euros and zlotys sees two charts
 * and never a sum of the two. Every chart has the same months, so they read side by side.
 */
final class LedgerCharts {

    private LedgerCharts() {
    }

    /** One currency's chart data and its totals over the period. */
    record CurrencyChart(Currency currency, List<YearMonth> months, List<BigDecimal> spentPerMonth,
                         List<BigDecimal> cameBackPerMonth, Money spent, Money cameBack) {

        String code() {
            return currency.getCurrencyCode();
        }
    }

    static List<CurrencyChart> of(List<SpendLedger.Line> lines) {
        TreeSet<YearMonth> months = new TreeSet<>();
        Map<String, List<SpendLedger.Line>> byCurrency = new TreeMap<>();
        for (SpendLedger.Line l : lines) {
            months.add(l.month());
            byCurrency.computeIfAbsent(l.currency().getCurrencyCode(), c -> new ArrayList<>()).add(l);
        }
        List<CurrencyChart> charts = new ArrayList<>();
        byCurrency.forEach((code, inCurrency) -> {
            Currency currency = inCurrency.getFirst().currency();
            Map<YearMonth, Money[]> perMonth = new LinkedHashMap<>();
            months.forEach(m -> perMonth.put(m, new Money[] {Money.zero(currency), Money.zero(currency)}));
            Money spent = Money.zero(currency);
            Money cameBack = Money.zero(currency);
            for (SpendLedger.Line l : inCurrency) {
                Money[] sums = perMonth.get(l.month());
                sums[0] = sums[0].plus(l.spent());
                sums[1] = sums[1].plus(l.cameBack());
                spent = spent.plus(l.spent());
                cameBack = cameBack.plus(l.cameBack());
            }
            charts.add(new CurrencyChart(currency, List.copyOf(months),
                    perMonth.values().stream().map(v -> v[0].amount()).toList(),
                    perMonth.values().stream().map(v -> v[1].amount()).toList(), spent, cameBack));
        });
        return charts;
    }
}
