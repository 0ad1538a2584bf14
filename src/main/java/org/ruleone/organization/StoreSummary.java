package org.ruleone.organization;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

import org.ruleone.shared.Language;

public record StoreSummary(long id, String name, String address, String country, ZoneId timeZone, Language language) {

    public static final String DEFAULT_CURRENCY = "EUR";

    /** The currency the store spends in: its country's, or the euro when the country is unknown or has none. */
    public String currencyCode() {
        String c = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (c.length() != 2) {
            return DEFAULT_CURRENCY;
        }
        try {
            Currency currency = Currency.getInstance(Locale.of("", c));
            return currency == null ? DEFAULT_CURRENCY : currency.getCurrencyCode();
        } catch (IllegalArgumentException e) {
            return DEFAULT_CURRENCY;
        }
    }
}
