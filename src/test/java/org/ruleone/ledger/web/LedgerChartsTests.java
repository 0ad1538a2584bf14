package org.ruleone.ledger.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ruleone.ledger.internal.SpendLedger;
import org.ruleone.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerChartsTests {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    static SpendLedger.Line line(YearMonth month, long associate, Money spent, Money cameBack) {
        return new SpendLedger.Line(month, 1, associate, spent.currency(), 1, spent, Map.of("REFUND", spent), 1, 1,
                cameBack);
    }

    @Test
    void drawsOneChartPerCurrencyAndNeverAddsDollarsToEuros() {
        List<LedgerCharts.CurrencyChart> charts = LedgerCharts.of(List.of(
                line(NOVEMBER, 7, Money.of("100", "USD"), Money.of("300", "USD")),
                line(NOVEMBER, 8, Money.of("50", "EUR"), Money.of("0", "EUR")),
                line(NOVEMBER, 9, Money.of("20", "EUR"), Money.of("80", "EUR")),
                line(OCTOBER, 9, Money.of("5", "EUR"), Money.of("0", "EUR"))));

        assertThat(charts).extracting(LedgerCharts.CurrencyChart::code).containsExactly("EUR", "USD");
        LedgerCharts.CurrencyChart euros = charts.getFirst();
        assertThat(euros.months()).containsExactly(OCTOBER, NOVEMBER);
        assertThat(euros.spentPerMonth()).containsExactly(new BigDecimal("5.00"), new BigDecimal("70.00"));
        assertThat(euros.cameBackPerMonth()).containsExactly(new BigDecimal("0.00"), new BigDecimal("80.00"));
        assertThat(euros.spent()).isEqualTo(Money.of("75", "EUR"));
        LedgerCharts.CurrencyChart dollars = charts.getLast();
        assertThat(dollars.months()).containsExactly(OCTOBER, NOVEMBER);
        assertThat(dollars.spentPerMonth()).containsExactly(new BigDecimal("0.00"), new BigDecimal("100.00"));
        assertThat(dollars.cameBack()).isEqualTo(Money.of("300", "USD"));
    }

    @Test
    void drawsNothingForAnEmptyLedger() {
        assertThat(LedgerCharts.of(List.of())).isEmpty();
    }
}
