package org.ruleone.experience;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * How reliable a shopper has been (ADR 0100): visits done on time (first submitted on or before the window's last
 * day, in the store's time zone) over the visits whose window has ended or that were submitted; and reports
 * accepted over reports decided (accepted, or returned with a question). Cancelled visits count in neither.
 */
public record MysteryReliability(int onTime, int due, int accepted, int decided) {

    /** The share on time, in percent; empty when no visit was due yet. */
    public Optional<BigDecimal> onTimePercent() {
        return percent(onTime, due);
    }

    /** The share of reports accepted, in percent; empty when no report was decided yet. */
    public Optional<BigDecimal> acceptedPercent() {
        return percent(accepted, decided);
    }

    private static Optional<BigDecimal> percent(int part, int whole) {
        return whole == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP));
    }
}
