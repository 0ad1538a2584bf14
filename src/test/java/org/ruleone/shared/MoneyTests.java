package org.ruleone.shared;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTests {

    @Test
    void addsAndSubtractsInOneCurrency() {
        assertThat(Money.of("145", "EUR").plus(Money.of("20.50", "EUR"))).isEqualTo(Money.of("165.50", "EUR"));
        assertThat(Money.of("145", "EUR").minus(Money.of("145", "EUR")).signum()).isZero();
        assertThat(Money.of("10", "PLN").compareTo(Money.of("9.99", "PLN"))).isPositive();
    }

    @Test
    void refusesToAddOrCompareTwoCurrencies() {
        assertThatThrownBy(() -> Money.of("100", "USD").plus(Money.of("50", "EUR")))
                .isInstanceOf(Money.CurrencyMismatchException.class)
                .hasMessage("Cannot add 100.00 USD and 50.00 EUR: amounts in two currencies do not mix");
        assertThatThrownBy(() -> Money.of("100", "USD").minus(Money.of("50", "EUR")))
                .isInstanceOf(Money.CurrencyMismatchException.class);
        assertThatThrownBy(() -> Money.of("100", "USD").compareTo(Money.of("50", "EUR")))
                .isInstanceOf(Money.CurrencyMismatchException.class);
    }

    @Test
    void keepsTheCurrencysDecimalsSoEqualAmountsAreEqual() {
        assertThat(Money.of("12", "EUR")).isEqualTo(Money.of("12.00", "EUR"));
        assertThat(Money.of("12", "EUR").amount()).isEqualTo(new BigDecimal("12.00"));
        assertThat(Money.of("1200", "JPY").amount()).isEqualTo(new BigDecimal("1200"));
        assertThat(Money.of("12", "EUR")).isNotEqualTo(Money.of("12", "USD"));
    }

    @Test
    void acceptsOnlyIsoCurrencyCodes() {
        assertThat(Money.isCurrency("PLN")).isTrue();
        assertThat(Money.isCurrency("pln")).isFalse();
        assertThat(Money.isCurrency("XYZ")).isFalse();
        assertThat(Money.isCurrency("")).isFalse();
        assertThat(Money.isCurrency(null)).isFalse();
        assertThatThrownBy(() -> Money.zero("EURO")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EURO");
    }

    @Test
    void travelsAsJsonWithItsCurrencyCodeSoStoredEventsReadBack() {
        JsonMapper json = JsonMapper.builder().build();

        String text = json.writeValueAsString(Money.of("145.5", "PLN"));

        assertThat(text).isEqualTo("{\"amount\":145.50,\"currency\":\"PLN\"}");
        assertThat(json.readValue(text, Money.class)).isEqualTo(Money.of("145.50", "PLN"));
    }

    @Test
    void totalsKeepEachCurrencyApart() {
        MoneyTotals totals = MoneyTotals.of(List.of(Money.of("100", "USD"), Money.of("50", "EUR"),
                Money.of("25", "USD")));

        assertThat(totals.amounts()).containsExactly(Money.of("50", "EUR"), Money.of("125", "USD"));
        assertThat(totals.in(Money.currency("PLN"))).isEqualTo(Money.zero("PLN"));
    }
}
