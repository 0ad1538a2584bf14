package org.ruleone.clienteling.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.ruleone.platform.Formats;

/** The book's dates and amounts: {@link Formats} with the keeper's store zone fixed. */
public final class BookFormat {

    private final Formats formats;
    private final ZoneId zone;

    BookFormat(Locale locale, ZoneId zone) {
        this.formats = Formats.of(locale);
        this.zone = zone;
    }

    public String date(LocalDate date) {
        return formats.date(date);
    }

    public String date(Instant instant) {
        return formats.date(instant, zone);
    }

    public String dateTime(Instant instant) {
        return formats.dateTime(instant, zone);
    }

    /** "Friday 14 March": when a coming date falls. */
    public String day(LocalDate date) {
        return formats.day(date);
    }

    public String money(BigDecimal amount) {
        return formats.amount(amount == null ? BigDecimal.ZERO : amount);
    }

    public String number(long n) {
        return formats.number(n);
    }
}
