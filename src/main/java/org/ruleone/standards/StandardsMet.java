package org.ruleone.standards;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ruleone.standards.internal.CaseClock;
import org.ruleone.standards.internal.CaseClocks;
import org.springframework.stereotype.Service;

/**
 * How often the cases met their standards, month by month, for other modules' screens (the home dashboard): of the
 * first responses and resolutions of the cases opened in a month (in the store's time zone) whose due time is over
 * (met or breached), how many were met. A due time still running is not counted yet, as on the standards report.
 */
@Service
public class StandardsMet {

    /** One month: due times met of due times over. */
    public record Month(YearMonth month, int met, int counted) {

        /** Met of counted, in percent; empty when nothing was counted. */
        public Optional<Integer> percent() {
            return counted == 0 ? Optional.empty() : Optional.of(Math.round(met * 100f / counted));
        }
    }

    private final CaseClocks clocks;
    private final ServiceStandards standards;
    private final Clock clock;

    StandardsMet(CaseClocks clocks, ServiceStandards standards, Clock clock) {
        this.clocks = clocks;
        this.standards = standards;
        this.clock = clock;
    }

    /** The months since {@code since} with a due time over, in order; {@code store} empty means every store. */
    public List<Month> monthly(Instant since, Optional<Long> store) {
        Instant now = clock.instant();
        Map<Long, BusinessCalendar> calendars = new HashMap<>();
        Map<YearMonth, int[]> byMonth = new TreeMap<>();
        for (CaseClock c : clocks.openedSince(since, store)) {
            BusinessCalendar calendar = calendars.computeIfAbsent(c.storeId(), standards::calendarOf);
            YearMonth month = YearMonth.from(c.openedAt().atZone(calendar.zone()));
            for (Standard standard : List.of(Standard.FIRST_RESPONSE, Standard.RESOLUTION)) {
                CaseClock.State state = c.state(standard, now, calendar);
                if (state == CaseClock.State.MET || state == CaseClock.State.BREACHED) {
                    int[] tally = byMonth.computeIfAbsent(month, m -> new int[2]);
                    tally[0] += state == CaseClock.State.MET ? 1 : 0;
                    tally[1]++;
                }
            }
        }
        return byMonth.entrySet().stream().map(e -> new Month(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }
}
