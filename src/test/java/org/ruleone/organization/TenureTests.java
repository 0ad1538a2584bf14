package org.ruleone.organization;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ruleone.organization.internal.Tenure;
import org.ruleone.organization.internal.Tenure.Band;
import org.ruleone.organization.internal.Tenure.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TenureTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 16);

    @Test
    void countsWholeMonthsFromTheHireDate() {
        assertThat(Tenure.months(LocalDate.of(2025, 11, 16), TODAY)).isEqualTo(12);
        assertThat(Tenure.months(LocalDate.of(2025, 11, 17), TODAY)).isEqualTo(11);
        assertThat(Tenure.months(LocalDate.of(2027, 1, 1), TODAY)).isZero();
    }

    @Test
    void takesTheMedianAndSharesOfActivePeopleWithAHireDate() {
        List<Person> people = List.of(active(2026, 10, 1), active(2025, 11, 16), active(2023, 11, 16),
                new Person(null, true, null), new Person(LocalDate.of(2010, 1, 1), false, TODAY));

        Tenure.Spread spread = Tenure.spread(people, TODAY);

        // 1, 12 and 36 months: the median is 12; two of three past a year, one past three, none past five
        assertThat(spread.counted()).isEqualTo(3);
        assertThat(spread.hireDateUnknown()).isEqualTo(1);
        assertThat(spread.medianMonths()).contains(12.0);
        assertThat(spread.overOneYear()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(spread.overThreeYears()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(spread.overFiveYears()).isZero();
        assertThat(spread.bands()).isEqualTo(Map.of(Band.UNDER_ONE, 1, Band.ONE_TO_THREE, 1, Band.THREE_TO_FIVE, 1,
                Band.FIVE_AND_MORE, 0));
    }

    @Test
    void hasNoMedianWithoutAnyone() {
        assertThat(Tenure.spread(List.of(), TODAY).medianMonths()).isEmpty();
    }

    @Test
    void countsDeparturesPerYearAndThoseOfUnknownDate() {
        Tenure.Departures departures = Tenure.departures(List.of(
                new Person(null, false, LocalDate.of(2024, 5, 1)), new Person(null, false, LocalDate.of(2024, 12, 31)),
                new Person(null, false, LocalDate.of(2026, 1, 1)), new Person(null, false, null),
                active(2020, 1, 1)));

        assertThat(departures.perYear()).containsExactly(Map.entry(Year.of(2024), 2), Map.entry(Year.of(2026), 1));
        assertThat(departures.dateUnknown()).isEqualTo(1);
    }

    private static Person active(int year, int month, int day) {
        return new Person(LocalDate.of(year, month, day), true, null);
    }
}
