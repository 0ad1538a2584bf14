package org.ruleone.organization;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One weekday's opening hours in the store's own time zone. */
public record BusinessHours(DayOfWeek day, LocalTime opensAt, LocalTime closesAt) {

    public BusinessHours {
        if (!closesAt.isAfter(opensAt)) {
            throw new IllegalArgumentException("closing time must be after opening time");
        }
    }
}
