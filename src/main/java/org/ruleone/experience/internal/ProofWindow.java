package org.ruleone.experience.internal;

import java.time.Duration;
import java.time.Instant;

/** How long after an experience a purchase still counts as coming back (ADR 0108). */
public enum ProofWindow {
    DAYS_90(90), DAYS_180(180), DAYS_365(365);

    private final int days;

    ProofWindow(int days) {
        this.days = days;
    }

    public int days() {
        return days;
    }

    /** Whether a client who had an experience at {@code at} has had the whole window by {@code now}. */
    public boolean ended(Instant at, Instant now) {
        return !at.plus(Duration.ofDays(days)).isAfter(now);
    }

    /** Whether a purchase at {@code purchase} is a coming back within this window: in (at, at + window]. */
    public boolean within(Instant at, Instant purchase) {
        return purchase.isAfter(at) && !purchase.isAfter(at.plus(Duration.ofDays(days)));
    }
}
