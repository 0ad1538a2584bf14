package org.ruleone.book.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and amounts the way the reader writes them, days in the store's time zone. */
public final class BookFormat {

    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter dayAndMonth;

    BookFormat(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.dayAndMonth = DateTimeFormatter.ofPattern("EEEE d MMMM", locale);
    }

    public String date(LocalDate date) {
        return date == null ? "" : dates.format(date);
    }

    public String date(Instant instant) {
        return instant == null ? "" : dates.format(instant.atZone(zone).toLocalDate());
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).format(instant.atZone(zone));
    }

    /** "Friday 14 March": when a coming date falls. */
    public String day(LocalDate date) {
        return date == null ? "" : dayAndMonth.format(date);
    }

    public String money(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format((amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP));
    }

    public String number(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }
}
