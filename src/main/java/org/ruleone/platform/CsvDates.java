package org.ruleone.platform;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
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

    /**
     * The formats {@link #detect} tries, in order: ISO first, then day-first (Europe: {@code 31.12.2023},
     * {@code 31/12/2023}) before month-first ({@code 12/31/2023}), so {@code 01/02/2023} reads as the 1st of February.
     */
    static final List<String> KNOWN_FORMATS = List.of(
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd",
            "d.M.yyyy HH:mm:ss", "d.M.yyyy HH:mm", "d.M.yyyy", "d/M/yyyy HH:mm:ss", "d/M/yyyy HH:mm", "d/M/yyyy",
            "d-M-yyyy HH:mm", "d-M-yyyy", "M/d/yyyy HH:mm:ss", "M/d/yyyy H:mm", "M/d/yyyy", "yyyy/MM/dd HH:mm",
            "yyyy/MM/dd");

    /**
     * The one of the {@link #KNOWN_FORMATS} that reads the most of these values (blank ones left aside), the first
     * listed on a tie; empty when none reads more than half of them (a few bad dates do not hide the format: they are
     * the import's rejected rows). Day-first comes before month-first: a file whose days never pass 12 is read day
     * first, and the person sees the format on the mapping screen.
     */
    public static Optional<String> detect(List<String> values) {
        List<String> given = values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
        String best = null;
        long bestRead = given.size() / 2;
        for (String pattern : KNOWN_FORMATS) {
            DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern);
            long read = given.stream().filter(v -> read(format, v).isPresent()).count();
            if (read > bestRead) {
                best = pattern;
                bestRead = read;
            }
        }
        return Optional.ofNullable(best);
    }
}
