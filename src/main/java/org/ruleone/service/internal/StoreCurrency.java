package org.ruleone.service.internal;

import org.ruleone.organization.StoreSummary;

/** The currency a store spends in: its country's, or the euro when the country is unknown. */
public final class StoreCurrency {

    public static final String DEFAULT = StoreSummary.DEFAULT_CURRENCY;

    private StoreCurrency() {
    }

    public static String of(StoreSummary store) {
        return store.currencyCode();
    }
}
