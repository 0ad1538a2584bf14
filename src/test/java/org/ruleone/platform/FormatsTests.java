package org.ruleone.platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTests {

    private static final Formats ENGLISH = Formats.of(Locale.ENGLISH);
    private static final Formats FRENCH = Formats.of(Locale.FRENCH);
    private static final Formats POLISH = Formats.of(Locale.of("pl"));

    @Test
    void writesAnAmountInEurosTheWayEachLanguageDoes() {
        BigDecimal amount = new BigDecimal("145");
        assertThat(FRENCH.money(amount, "EUR")).isEqualTo("145,00\u00a0€");
        assertThat(POLISH.money(amount, "EUR")).isEqualTo("145,00\u00a0€");
        assertThat(ENGLISH.money(amount, "EUR")).isEqualTo("€145.00");
        assertThat(ENGLISH.money(amount, "PLN")).isEqualTo("PLN\u00a0145.00");
        assertThat(POLISH.money(amount, "PLN")).isEqualTo("145,00\u00a0zł");
        assertThat(FRENCH.money(new BigDecimal("1300.5"), "eur")).isEqualTo("1\u202f300,50\u00a0€");
    }

    @Test
    void writesAnUnknownCurrencyCodeAfterTheAmount() {
        assertThat(FRENCH.money(new BigDecimal("2.5"), "XYZW")).isEqualTo("2,50 XYZW");
        assertThat(ENGLISH.money(new BigDecimal("2.5"), null)).isEqualTo("2.50");
    }

    @Test
    void showsAnInstantInTheStoresZoneWithoutSecondsOrUtc() {
        Instant at = Instant.parse("2026-12-03T13:56:14.123456Z");
        assertThat(FRENCH.dateTime(at, ZoneId.of("Europe/Paris"))).startsWith("3 déc. 2026").endsWith("14:56")
                .doesNotContain("14:56:", "UTC", "Z");
        assertThat(POLISH.dateTime(at, ZoneId.of("Europe/Warsaw"))).startsWith("3 gru 2026").endsWith("14:56");
        assertThat(ENGLISH.dateTime(at, ZoneId.of("Europe/London"))).startsWith("Dec 3, 2026").contains("1:56");
    }

    @Test
    void writesDatesInTheReadersLanguage() {
        LocalDate day = LocalDate.of(2026, 12, 3);
        assertThat(FRENCH.date(day)).isEqualTo("3 déc. 2026");
        assertThat(FRENCH.day(day)).isEqualTo("jeudi 3 décembre");
        assertThat(POLISH.number(7360)).isEqualTo("7\u00a0360");
        assertThat(ENGLISH.date((LocalDate) null)).isEmpty();
    }

    @Test
    void answersEmptyForAMissingValueAsTemplatesCallIt() {
        var parser = new org.springframework.expression.spel.standard.SpelExpressionParser();
        for (String call : new String[] {"date(null)", "dateTime(null, null)", "money(null, 'EUR')", "number(null)"}) {
            assertThat(parser.parseExpression(call).getValue(FRENCH, String.class)).as(call).isEmpty();
        }
    }
}
