package org.ruleone.rankings;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A month or a quarter, in the local days of each store: {@code 2026-03} or {@code 2026-Q1}.
 *
 * @param first  its first month
 * @param months 1 for a month, 3 for a quarter
 */
public record Period(YearMonth first, int months) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public Period {
        if (months != 1 && months != 3 || months == 3 && (first.getMonthValue() - 1) % 3 != 0) {
            throw new IllegalArgumentException("a month or a calendar quarter: " + first + "+" + months);
        }
    }

    public static Period month(YearMonth month) {
        return new Period(month, 1);
    }

    public static Period quarterOf(YearMonth month) {
        return new Period(YearMonth.of(month.getYear(), (month.getMonthValue() - 1) / 3 * 3 + 1), 3);
    }

    public static Optional<Period> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = MONTH.matcher(key.strip());
        if (m.matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 12) {
            return Optional.of(month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))));
        }
        Matcher q = QUARTER.matcher(key.strip());
        if (q.matches()) {
            return Optional.of(quarterOf(YearMonth.of(Integer.parseInt(q.group(1)),
                    (Integer.parseInt(q.group(2)) - 1) * 3 + 1)));
        }
        return Optional.empty();
    }

    public boolean quarter() {
        return months == 3;
    }

    public String key() {
        return quarter() ? first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1) : first.toString();
    }

    public YearMonth last() {
        return first.plusMonths(months - 1L);
    }

    /** First local day. */
    public LocalDate from() {
        return first.atDay(1);
    }

    /** The local day after the last. */
    public LocalDate until() {
        return first.plusMonths(months).atDay(1);
    }

    public Period previous() {
        return new Period(first.minusMonths(months), months);
    }

    public Period next() {
        return new Period(first.plusMonths(months), months);
    }

    @Override
    public String toString() {
        return key();
    }
}
