package org.ruleone.standards;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.ruleone.organization.BusinessHours;

/**
 * Counts time the way a store does: only while it is open, in its own time zone. A day without hours is a closed
 * day; a store with no hours at all counts every hour of every day. Times are real elapsed time, so a day on which
 * the clocks change while the store is open is an hour longer or shorter. Pure: no clock, no database.
 */
public final class BusinessCalendar {

    /** How far ahead a due time is looked for before giving up (a store open once a year still gets one). */
    private static final int MAX_DAYS = 400;

    private final ZoneId zone;
    private final Map<DayOfWeek, BusinessHours> hours = new EnumMap<>(DayOfWeek.class);

    public BusinessCalendar(ZoneId zone, Collection<BusinessHours> openingHours) {
        this.zone = Objects.requireNonNull(zone, "zone");
        for (BusinessHours h : openingHours) {
            hours.put(h.day(), h);
        }
    }

    /** A store with no opening hours set: every hour counts. */
    public static BusinessCalendar alwaysOpen(ZoneId zone) {
        return new BusinessCalendar(zone, java.util.List.of());
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean alwaysOpen() {
        return hours.isEmpty();
    }

    /**
     * The moment when {@code allowed} business time has passed since {@code start}: a case opened after closing
     * starts counting at the next opening. A due time that falls exactly on closing time stays there.
     */
    public Instant plus(Instant start, Duration allowed) {
        if (allowed.isNegative()) {
            throw new IllegalArgumentException("Negative business time: " + allowed);
        }
        if (hours.isEmpty() || allowed.isZero()) {
            return start.plus(allowed);
        }
        Duration remaining = allowed;
        LocalDate day = start.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            Window w = window(day);
            if (w == null || !w.end().isAfter(start)) {
                continue;
            }
            Instant from = w.start().isAfter(start) ? w.start() : start;
            Duration open = Duration.between(from, w.end());
            if (remaining.compareTo(open) <= 0) {
                return from.plus(remaining);
            }
            remaining = remaining.minus(open);
        }
        throw new IllegalStateException("No opening hours within " + MAX_DAYS + " days of " + start);
    }

    /** Business time between two moments; zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (hours.isEmpty()) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate().minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            Window w = window(day);
            if (w == null) {
                continue;
            }
            Instant a = w.start().isAfter(from) ? w.start() : from;
            Instant b = w.end().isBefore(to) ? w.end() : to;
            if (b.isAfter(a)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }

    /** True when the store is open at that moment (always, with no hours set). */
    public boolean isOpen(Instant at) {
        if (hours.isEmpty()) {
            return true;
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        for (LocalDate d = day.minusDays(1); !d.isAfter(day); d = d.plusDays(1)) {
            Window w = window(d);
            if (w != null && !at.isBefore(w.start()) && at.isBefore(w.end())) {
                return true;
            }
        }
        return false;
    }

    private record Window(Instant start, Instant end) {
    }

    /** The day's opening as real instants; a time skipped by a clock change moves forward, as the clocks do. */
    private Window window(LocalDate day) {
        BusinessHours h = hours.get(day.getDayOfWeek());
        if (h == null) {
            return null;
        }
        Instant opens = ZonedDateTime.of(day, h.opensAt(), zone).toInstant();
        Instant closes = ZonedDateTime.of(day, h.closesAt(), zone).toInstant();
        return closes.isAfter(opens) ? new Window(opens, closes) : null;
    }
}
