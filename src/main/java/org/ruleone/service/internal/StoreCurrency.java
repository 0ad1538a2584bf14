package org.ruleone.service.internal;

import java.util.Currency;
import java.util.Locale;

import org.ruleone.organization.StoreSummary;

/** The currency a store spends in: its country's, or the euro when the country is unknown. */
public final class StoreCurrency {

    public static final String DEFAULT = "EUR";

    private StoreCurrency() {
    }

    public static String of(StoreSummary store) {
        String country = store.country() == null ? "" : store.country().strip().toUpperCase(Locale.ROOT);
        if (country.length() != 2) {
            return DEFAULT;
        }
        try {
            Currency currency = Currency.getInstance(Locale.of("", country));
            return currency == null ? DEFAULT : currency.getCurrencyCode();
        } catch (IllegalArgumentException e) {
            return DEFAULT;
        }
    }
}
