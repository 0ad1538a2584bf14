package org.ruleone.platform;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/** Dates in an imported file, in the format a person or a mapping file gave (e.g. {@code dd.MM.yyyy HH:mm}). */
public final class CsvDates {

    private CsvDates() {
    }

    /** The format, when {@code pattern} is one ({@link DateTimeFormatter} letters); empty for blank or wrong. */
    public static Optional<DateTimeFormatter> format(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DateTimeFormatter.ofPattern(pattern.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The date and time {@code text} holds in {@code format} (a date alone is its midnight); empty when it does not
     * read, or its year is outside 1900–2999 (a year that far is a wrong format, not a purchase).
     */
    public static Optional<LocalDateTime> read(DateTimeFormatter format, String text) {
        try {
            TemporalAccessor t = format.parseBest(text, LocalDateTime::from, LocalDate::from);
            LocalDateTime at = t instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) t;
            return at.getYear() < 1900 || at.getYear() > 2999 ? Optional.empty() : Optional.of(at);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
