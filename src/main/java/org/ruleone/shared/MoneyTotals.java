package org.ruleone.shared;

import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Totals kept apart per currency: what a chain with stores in euros and in zlotys spent is two amounts, never
 * their sum. Currencies come out in the order of their codes.
 */
public final class MoneyTotals {

    private final Map<String, Money> totals = new TreeMap<>();

    public static MoneyTotals of(Collection<Money> amounts) {
        MoneyTotals totals = new MoneyTotals();
        amounts.forEach(totals::add);
        return totals;
    }

    public MoneyTotals add(Money amount) {
        totals.merge(amount.currencyCode(), amount, Money::plus);
        return this;
    }

    /** One total per currency met, by code. */
    public List<Money> amounts() {
        return List.copyOf(totals.values());
    }

    public Money in(Currency currency) {
        return totals.getOrDefault(currency.getCurrencyCode(), Money.zero(currency));
    }

    public boolean isEmpty() {
        return totals.isEmpty();
    }
}
