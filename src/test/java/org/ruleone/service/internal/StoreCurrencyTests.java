package org.ruleone.service.internal;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.ruleone.organization.StoreSummary;
import org.ruleone.shared.Language;

import static org.assertj.core.api.Assertions.assertThat;

class StoreCurrencyTests {

    static StoreSummary in(String country) {
        return new StoreSummary(1, "Store", "", country, ZoneId.of("UTC"), Language.EN);
    }

    @Test
    void spendsInTheCurrencyOfTheStoresCountry() {
        assertThat(StoreCurrency.of(in("US"))).isEqualTo("USD");
        assertThat(StoreCurrency.of(in("pl"))).isEqualTo("PLN");
        assertThat(StoreCurrency.of(in("FR"))).isEqualTo("EUR");
    }

    @Test
    void fallsBackToTheEuroWhenTheCountryIsUnknown() {
        assertThat(StoreCurrency.of(in(""))).isEqualTo("EUR");
        assertThat(StoreCurrency.of(in(null))).isEqualTo("EUR");
        assertThat(StoreCurrency.of(in("United Kingdom"))).isEqualTo("EUR");
        assertThat(StoreCurrency.of(in("AQ"))).isEqualTo("EUR");
    }
}
