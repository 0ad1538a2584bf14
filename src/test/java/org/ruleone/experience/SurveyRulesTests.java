package org.ruleone.experience;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SurveyRulesTests {

    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    @Test
    void defaultsAskADayAfterACaseOrAPurchaseWithOneReminderAfterThreeDays() {
        SurveyRules rules = SurveyRules.defaults(1);

        assertThat(rules.dueAfter(SurveyChannel.CASE_RESOLVED, Instant.parse("2026-03-02T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-03T10:00:00Z"));
        assertThat(rules.cooldownDays()).isEqualTo(30);
        assertThat(rules.reminders()).isEqualTo(1);
        assertThat(rules.reminderAfterDays()).isEqualTo(3);
        assertThat(rules.quietFrom()).isEqualTo(LocalTime.of(21, 0));
        assertThat(rules.quietUntil()).isEqualTo(LocalTime.of(8, 0));
    }

    @Test
    void movesATimeInTheEveningQuietHoursToEightTheNextMorningInTheStoresZone() {
        SurveyRules rules = SurveyRules.defaults(1);

        // 22:30 in Warsaw (UTC+1 in March)
        assertThat(rules.notQuiet(Instant.parse("2026-03-02T21:30:00Z"), WARSAW))
                .isEqualTo(Instant.parse("2026-03-03T07:00:00Z"));
        // 06:00 in Warsaw: the same morning
        assertThat(rules.notQuiet(Instant.parse("2026-03-03T05:00:00Z"), WARSAW))
                .isEqualTo(Instant.parse("2026-03-03T07:00:00Z"));
        // 08:00 and 20:59 are not quiet
        assertThat(rules.notQuiet(Instant.parse("2026-03-03T07:00:00Z"), WARSAW))
                .isEqualTo(Instant.parse("2026-03-03T07:00:00Z"));
        assertThat(rules.notQuiet(Instant.parse("2026-03-03T19:59:00Z"), WARSAW))
                .isEqualTo(Instant.parse("2026-03-03T19:59:00Z"));
    }

    @Test
    void quietHoursWithinOneDayAndNoneWhenStartEqualsEnd() {
        SurveyRules lunch = new SurveyRules(1, true, 24, true, 24, true, 30, LocalTime.of(12, 0), LocalTime.of(14, 0),
                1, 3, 30);
        assertThat(lunch.notQuiet(Instant.parse("2026-07-01T12:30:00Z"), ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2026-07-01T14:00:00Z"));
        assertThat(lunch.notQuiet(Instant.parse("2026-07-01T20:00:00Z"), ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2026-07-01T20:00:00Z"));

        SurveyRules never = new SurveyRules(1, true, 24, true, 24, true, 30, LocalTime.of(9, 0), LocalTime.of(9, 0),
                1, 3, 30);
        assertThat(never.notQuiet(Instant.parse("2026-07-01T09:30:00Z"), ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2026-07-01T09:30:00Z"));
    }

    @Test
    void refusesMoreThanTwoReminders() {
        assertThatThrownBy(() -> new SurveyRules(1, true, 24, true, 24, true, 30, LocalTime.of(21, 0),
                LocalTime.of(8, 0), 3, 3, 30)).isInstanceOf(IllegalArgumentException.class);
    }
}
