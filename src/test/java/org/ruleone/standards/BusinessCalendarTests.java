package org.ruleone.standards;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ruleone.organization.BusinessHours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTests {

    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    static List<BusinessHours> open(String opens, String closes, DayOfWeek... days) {
        List<BusinessHours> hours = new ArrayList<>();
        for (DayOfWeek d : days) {
            hours.add(new BusinessHours(d, LocalTime.parse(opens), LocalTime.parse(closes)));
        }
        return hours;
    }

    static final DayOfWeek[] MONDAY_TO_SATURDAY = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY)
            .toArray(DayOfWeek[]::new);
    static final DayOfWeek[] MONDAY_TO_FRIDAY = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)
            .toArray(DayOfWeek[]::new);

    static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    final BusinessCalendar closedOnSunday = new BusinessCalendar(WARSAW, open("10:00", "18:00", MONDAY_TO_SATURDAY));

    @Test
    void caseOpenedOnSaturdayEveningInAStoreClosedOnSundayIsDueOnMonday() {
        Instant due = closedOnSunday.plus(at("2026-11-21T17:30", WARSAW), Duration.ofHours(2));

        assertThat(due).isEqualTo(at("2026-11-23T11:30", WARSAW));
    }

    @Test
    void caseOpenedOvernightAfterClosingStartsCountingAtTheNextOpening() {
        Instant due = closedOnSunday.plus(at("2026-11-24T22:00", WARSAW), Duration.ofHours(1));

        assertThat(due).isEqualTo(at("2026-11-25T11:00", WARSAW));
    }

    @Test
    void caseOpenedBeforeOpeningStartsCountingAtOpening() {
        Instant due = closedOnSunday.plus(at("2026-11-24T07:15", WARSAW), Duration.ofMinutes(30));

        assertThat(due).isEqualTo(at("2026-11-24T10:30", WARSAW));
    }

    @Test
    void dueTimeFallingExactlyOnClosingStaysOnThatDay() {
        Instant due = closedOnSunday.plus(at("2026-11-24T17:00", WARSAW), Duration.ofHours(1));

        assertThat(due).isEqualTo(at("2026-11-24T18:00", WARSAW));
    }

    @Test
    void longAllowanceRunsAcrossSeveralDaysAndAWeekend() {
        BusinessCalendar office = new BusinessCalendar(WARSAW, open("09:00", "17:00", MONDAY_TO_FRIDAY));

        Instant due = office.plus(at("2026-11-20T13:00", WARSAW), Duration.ofHours(40));

        assertThat(due).as("five eight-hour days later, skipping the weekend").isEqualTo(at("2026-11-27T13:00", WARSAW));
    }

    @Test
    void weekendAcrossTheSpringClockChangeStillEndsAtTheSameLocalTimeOnMonday() {
        // Warsaw moves its clocks forward on Sunday 29 March 2026, while this store is closed.
        Instant due = closedOnSunday.plus(at("2026-03-28T17:00", WARSAW), Duration.ofHours(2));

        assertThat(due).isEqualTo(at("2026-03-30T11:00", WARSAW));
        assertThat(due).isEqualTo(Instant.parse("2026-03-30T09:00:00Z"));
    }

    @Test
    void dayOnWhichTheClocksGoForwardWhileOpenIsAnHourShorter() {
        BusinessCalendar nightShift = new BusinessCalendar(WARSAW, open("01:00", "05:00", DayOfWeek.SUNDAY));

        assertThat(nightShift.between(at("2026-03-29T00:00", WARSAW), at("2026-03-29T06:00", WARSAW)))
                .isEqualTo(Duration.ofHours(3));
        assertThat(nightShift.plus(at("2026-03-29T01:00", WARSAW), Duration.ofHours(2)))
                .as("01:00 plus two real hours is 04:00 once the clocks have jumped from 02:00 to 03:00")
                .isEqualTo(at("2026-03-29T04:00", WARSAW));
    }

    @Test
    void dayOnWhichTheClocksGoBackWhileOpenIsAnHourLonger() {
        BusinessCalendar nightShift = new BusinessCalendar(LOS_ANGELES, open("00:30", "03:00", DayOfWeek.SUNDAY));

        // Los Angeles moves its clocks back at 02:00 on Sunday 1 November 2026.
        assertThat(nightShift.between(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z")))
                .isEqualTo(Duration.ofMinutes(210));
    }

    @Test
    void storeWithNoHoursSetCountsEveryHourOfEveryDay() {
        BusinessCalendar noHours = new BusinessCalendar(WARSAW, List.of());

        assertThat(noHours.alwaysOpen()).isTrue();
        assertThat(noHours.plus(at("2026-11-21T23:00", WARSAW), Duration.ofHours(3)))
                .isEqualTo(at("2026-11-22T02:00", WARSAW));
        assertThat(noHours.between(at("2026-11-21T23:00", WARSAW), at("2026-11-23T23:00", WARSAW)))
                .isEqualTo(Duration.ofHours(48));
        assertThat(noHours.isOpen(at("2026-11-22T03:00", WARSAW))).isTrue();
    }

    @Test
    void businessTimeBetweenSkipsNightsAndClosedDays() {
        assertThat(closedOnSunday.between(at("2026-11-21T17:30", WARSAW), at("2026-11-23T11:30", WARSAW)))
                .isEqualTo(Duration.ofHours(2));
        assertThat(closedOnSunday.between(at("2026-11-22T09:00", WARSAW), at("2026-11-22T20:00", WARSAW)))
                .as("a Sunday").isZero();
        assertThat(closedOnSunday.between(at("2026-11-24T20:00", WARSAW), at("2026-11-24T10:00", WARSAW)))
                .as("backwards").isZero();
    }

    @Test
    void plusAndBetweenAgree() {
        Instant start = at("2026-11-20T16:45", WARSAW);
        for (int minutes : new int[] {1, 75, 480, 481, 1000, 5000}) {
            Instant due = closedOnSunday.plus(start, Duration.ofMinutes(minutes));
            assertThat(closedOnSunday.between(start, due)).isEqualTo(Duration.ofMinutes(minutes));
        }
    }

    @Test
    void knowsWhenTheStoreIsOpen() {
        assertThat(closedOnSunday.isOpen(at("2026-11-24T10:00", WARSAW))).isTrue();
        assertThat(closedOnSunday.isOpen(at("2026-11-24T18:00", WARSAW))).isFalse();
        assertThat(closedOnSunday.isOpen(at("2026-11-22T12:00", WARSAW))).isFalse();
    }

    @Test
    void refusesNegativeTime() {
        assertThatThrownBy(() -> closedOnSunday.plus(Instant.EPOCH, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
