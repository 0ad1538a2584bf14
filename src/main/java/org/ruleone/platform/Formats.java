package org.ruleone.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

import org.ruleone.shared.Money;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Dates, times, numbers and amounts the way the reader writes them: the one formatter of every screen (templates
 * reach it as {@code #fmt}, ADR 0084). Instants are shown in the zone given, normally the store's; nothing shows
 * seconds or UTC. Every method takes null and answers an empty text.
 */
public final class Formats {

    private static final Pattern LETTERS_THEN_DIGIT = Pattern.compile("^(-?\\p{L}{2,})(?=\\d)");

    private final Locale locale;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter time;

    private Formats(Locale locale) {
        this.locale = locale;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
    }

    public static Formats of(Locale locale) {
        return new Formats(locale == null ? Locale.ENGLISH : locale);
    }

    /** In the language of the request being answered. */
    public static Formats current() {
        return of(LocaleContextHolder.getLocale());
    }

    public Locale locale() {
        return locale;
    }

    /** "3 Dec 2026", "3 déc. 2026", "3 gru 2026". */
    public String date(LocalDate value) {
        return value == null ? "" : date.format(value);
    }

    public String date(LocalDateTime value) {
        return value == null ? "" : date.format(value);
    }

    public String date(Instant value, ZoneId zone) {
        return value == null ? "" : date.format(value.atZone(zone(zone)));
    }

    public String date(ZonedDateTime value) {
        return value == null ? "" : date.format(value);
    }

    /** "3 Dec 2026, 14:05" in the given zone. */
    public String dateTime(Instant value, ZoneId zone) {
        return value == null ? "" : dateTime.format(value.atZone(zone(zone)));
    }

    public String dateTime(LocalDateTime value) {
        return value == null ? "" : dateTime.format(value);
    }

    public String dateTime(ZonedDateTime value) {
        return value == null ? "" : dateTime.format(value);
    }

    public String dateTime(OffsetDateTime value) {
        return value == null ? "" : dateTime.format(value);
    }

    public String time(LocalTime value) {
        return value == null ? "" : time.format(value);
    }

    public String time(Instant value, ZoneId zone) {
        return value == null ? "" : time.format(value.atZone(zone(zone)));
    }

    /** "Thursday 3 December": when a coming day falls. */
    public String day(LocalDate value) {
        return value == null ? "" : DateTimeFormatter.ofPattern("EEEE d MMMM", locale).format(value);
    }

    /** "Thu 3 Dec": a day in a list. */
    public String shortDay(LocalDate value) {
        return value == null ? "" : DateTimeFormatter.ofPattern("EEE d MMM", locale).format(value);
    }

    /** "Dec 2026". */
    public String month(YearMonth value) {
        return value == null ? "" : DateTimeFormatter.ofPattern("LLL yyyy", locale).format(value);
    }

    public String month(LocalDate value) {
        return value == null ? "" : month(YearMonth.from(value));
    }

    /** "€145.00", "145,00 €". */
    public String money(Money money) {
        return money == null ? "" : money(money.amount(), money.currencyCode());
    }

    /** "€145.00", "145,00 €": an amount in its currency (an unknown code is written after the amount). */
    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        Currency known = currency(currency);
        if (known == null) {
            String number = amount(amount);
            return currency == null || currency.isBlank() ? number : number + " " + currency.strip();
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(known);
        int digits = Math.max(known.getDefaultFractionDigits(), 0);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        String text = format.format(amount.setScale(digits, RoundingMode.HALF_UP));
        // A code used as the symbol ("PLN1,145.00" in English) is kept apart from the digits, as CLDR asks.
        return LETTERS_THEN_DIGIT.matcher(text).replaceFirst("$1\u00a0");
    }

    /** "1,300.00", "1 300,00": an amount with two decimals, without its currency. */
    public String amount(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** "7,360", "7 360". */
    public String number(Number n) {
        return n == null ? "" : NumberFormat.getIntegerInstance(locale).format(n);
    }

    private static ZoneId zone(ZoneId zone) {
        return zone == null ? ZoneId.of("UTC") : zone;
    }

    private static Currency currency(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
