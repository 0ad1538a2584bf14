package org.ruleone.standards.internal;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.ruleone.service.Channel;
import org.ruleone.standards.BusinessCalendar;
import org.ruleone.standards.Standard;

import static org.assertj.core.api.Assertions.assertThat;

class CaseClockTests {

    static final BusinessCalendar ALWAYS = BusinessCalendar.alwaysOpen(java.time.ZoneOffset.UTC);
    static final Instant OPENED = Instant.parse("2026-11-24T10:00:00Z");

    static CaseClock clock(Instant firstAt, Instant resolvedAt, Instant waitingSince) {
        return new CaseClock(1, 1, 1, Channel.EMAIL, 7L, OPENED, 120, OPENED.plusSeconds(7200), firstAt,
                firstAt == null ? null : 8L, OPENED, 480, OPENED.plusSeconds(480 * 60), resolvedAt,
                resolvedAt == null ? null : 9L, waitingSince);
    }

    @Test
    void dueTimeIsAtRiskInTheLastQuarterOfTheAllowedTime() {
        CaseClock c = clock(null, null, null);

        assertThat(c.firstResponse(OPENED.plusSeconds(89 * 60), ALWAYS)).isEqualTo(CaseClock.State.RUNNING);
        assertThat(c.firstResponse(OPENED.plusSeconds(90 * 60), ALWAYS)).isEqualTo(CaseClock.State.AT_RISK);
        assertThat(c.firstResponse(OPENED.plusSeconds(121 * 60), ALWAYS)).isEqualTo(CaseClock.State.BREACHED);
    }

    @Test
    void doneOnTimeIsMetAndLateIsBreachedWhateverTheTimeNow() {
        assertThat(clock(OPENED.plusSeconds(7200), null, null).firstResponse(OPENED.plusSeconds(99_999), ALWAYS))
                .isEqualTo(CaseClock.State.MET);
        assertThat(clock(OPENED.plusSeconds(7201), null, null).firstResponse(OPENED, ALWAYS))
                .isEqualTo(CaseClock.State.BREACHED);
    }

    @Test
    void resolutionWaitingOnTheCustomerIsPausedNotAtRisk() {
        CaseClock waiting = clock(OPENED.plusSeconds(60), null, OPENED.plusSeconds(60));

        assertThat(waiting.resolution(OPENED.plusSeconds(470 * 60), ALWAYS)).isEqualTo(CaseClock.State.PAUSED);
    }

    @Test
    void whoeverMetOrMissedAStandardAnswersForItElseTheOwner() {
        assertThat(clock(null, null, null).associateFor(Standard.FIRST_RESPONSE)).isEqualTo(7L);
        assertThat(clock(OPENED, OPENED, null).associateFor(Standard.FIRST_RESPONSE)).isEqualTo(8L);
        assertThat(clock(OPENED, OPENED, null).associateFor(Standard.RESOLUTION)).isEqualTo(9L);
    }

    @Test
    void ringsAreEstimatedFromSecondsWhenTheTelephonyGivesOnlySeconds() {
        assertThat(DueTimeKeeper.ringsFromSeconds(null)).isNull();
        assertThat(DueTimeKeeper.ringsFromSeconds(0)).isEqualTo(1);
        assertThat(DueTimeKeeper.ringsFromSeconds(12)).isEqualTo(2);
        assertThat(DueTimeKeeper.ringsFromSeconds(13)).isEqualTo(3);
    }
}
