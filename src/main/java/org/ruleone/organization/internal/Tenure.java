package org.ruleone.organization.internal;

import java.time.LocalDate;
import java.time.Period;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tenure figures of ADR 0107: how long each active associate has been with us (whole months since their hire
 * date), the median and the shares past one, three and five years, in four bands for the chart; and the departures
 * per year of deactivation, with the deactivations of unknown date apart.
 */
public final class Tenure {

    /** The bands of the chart, in months from (inclusive) and to (exclusive). */
    public enum Band {
        UNDER_ONE(0, 12), ONE_TO_THREE(12, 36), THREE_TO_FIVE(36, 60), FIVE_AND_MORE(60, Integer.MAX_VALUE);

        final int fromMonths;
        final int toMonths;

        Band(int fromMonths, int toMonths) {
            this.fromMonths = fromMonths;
            this.toMonths = toMonths;
        }
    }

    /** One person as the figures need them. */
    public record Person(LocalDate hireDate, boolean active, LocalDate deactivatedOn) {
    }

    /**
     * The spread among active associates with a hire date; {@code median} in months (the mean of the two middle ones
     * when their number is even), the shares from 0 to 1.
     */
    public record Spread(int counted, int hireDateUnknown, Optional<Double> medianMonths, double overOneYear,
                         double overThreeYears, double overFiveYears, Map<Band, Integer> bands) {
    }

    /** Departures per calendar year, oldest first, and those whose date nobody recorded. */
    public record Departures(Map<Year, Integer> perYear, int dateUnknown) {
    }

    private Tenure() {
    }

    /** Whole months from the hire date to the day (0 for one hired later, as a date in the future counts nothing). */
    public static int months(LocalDate hired, LocalDate today) {
        if (hired.isAfter(today)) {
            return 0;
        }
        return (int) Period.between(hired, today).toTotalMonths();
    }

    public static Spread spread(Collection<Person> people, LocalDate today) {
        List<Integer> months = new ArrayList<>();
        int unknown = 0;
        for (Person p : people) {
            if (!p.active()) {
                continue;
            }
            if (p.hireDate() == null) {
                unknown++;
            } else {
                months.add(months(p.hireDate(), today));
            }
        }
        months.sort(null);
        Map<Band, Integer> bands = new java.util.EnumMap<>(Band.class);
        for (Band band : Band.values()) {
            bands.put(band, (int) months.stream().filter(m -> m >= band.fromMonths && m < band.toMonths).count());
        }
        int n = months.size();
        Optional<Double> median = n == 0 ? Optional.empty() : Optional.of(n % 2 == 1 ? months.get(n / 2)
                : (months.get(n / 2 - 1) + months.get(n / 2)) / 2.0);
        return new Spread(n, unknown, median, share(months, 12), share(months, 36), share(months, 60), bands);
    }

    public static Departures departures(Collection<Person> people) {
        Map<Year, Integer> perYear = new TreeMap<>();
        int unknown = 0;
        for (Person p : people) {
            if (p.active()) {
                continue;
            }
            if (p.deactivatedOn() == null) {
                unknown++;
            } else {
                perYear.merge(Year.from(p.deactivatedOn()), 1, Integer::sum);
            }
        }
        return new Departures(perYear, unknown);
    }

    private static double share(List<Integer> months, int atLeast) {
        return months.isEmpty() ? 0 : months.stream().filter(m -> m >= atLeast).count() / (double) months.size();
    }
}
