package org.ruleone.experience.internal;

import java.util.Optional;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * The statistics of "does experience bring them back?" (ADR 0109): a group's share of clients who came back with
 * its 95% Wilson interval, and the ratio of two shares (a risk ratio) with its 95% interval by the log method.
 */
public final class ComeBack {

    /** Below this many clients in either group (in a window) no ratio is shown, only "not enough data yet". */
    public static final int MIN_GROUP = 20;
    public static final double CONFIDENCE = 0.95;
    private static final double Z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);

    private ComeBack() {
    }

    /** An interval of a share (0–1) or of a ratio. */
    public record Interval(double low, double high) {

        public boolean above(double value) {
            return low > value;
        }

        public boolean below(double value) {
            return high < value;
        }
    }

    /** Of {@code n} clients whose window had ended, {@code back} came back within it. */
    public record Share(long n, long back) {

        public Share {
            if (n < 0 || back < 0 || back > n) {
                throw new IllegalArgumentException("a share of " + back + " in " + n);
            }
        }

        public Optional<Double> value() {
            return n == 0 ? Optional.empty() : Optional.of((double) back / n);
        }

        /** The 95% Wilson score interval; none for an empty group. */
        public Optional<Interval> interval() {
            if (n == 0) {
                return Optional.empty();
            }
            ConfidenceInterval ci = new WilsonScoreInterval().createInterval((int) n, (int) back, CONFIDENCE);
            return Optional.of(new Interval(ci.getLowerBound(), ci.getUpperBound()));
        }

        public boolean thin() {
            return n < MIN_GROUP;
        }
    }

    /**
     * How often the first group came back compared with the second, with its 95% interval. {@code corrected} when a
     * group had nobody coming back and 0.5 was added to each of the four cells (ADR 0109).
     */
    public record Ratio(double value, Interval interval, boolean corrected) {
    }

    /** What the interval of a comparison lets the page say. */
    public enum Verdict {
        /** The whole interval is above 1: the first group came back more often. */
        MORE,
        /** The whole interval is below 1: the first group came back less often. */
        LESS,
        /** The interval contains 1: no difference can be seen. */
        SAME,
        /** A group has fewer than {@link #MIN_GROUP} clients: not enough data yet. */
        THIN
    }

    /** Two groups compared in one window. */
    public record Comparison(Share first, Share second) {

        /** The ratio and its interval; none when a group is thin. */
        public Optional<Ratio> ratio() {
            if (first.thin() || second.thin()) {
                return Optional.empty();
            }
            return Optional.of(ComeBack.ratio(first, second));
        }

        public Verdict verdict() {
            return ratio().map(r -> r.interval().above(1) ? Verdict.MORE
                    : r.interval().below(1) ? Verdict.LESS : Verdict.SAME).orElse(Verdict.THIN);
        }
    }

    /**
     * The risk ratio of two non-empty groups, log method: SE = √(1/a − 1/n₁ + 1/c − 1/n₂), interval exp(ln RR ± z·SE).
     * When a or c is 0, 0.5 is added to each of the four cells first (a, n₁ − a, c, n₂ − c).
     */
    static Ratio ratio(Share first, Share second) {
        double a = first.back();
        double n1 = first.n();
        double c = second.back();
        double n2 = second.n();
        boolean corrected = a == 0 || c == 0;
        if (corrected) {
            a += 0.5;
            c += 0.5;
            n1 += 1;
            n2 += 1;
        }
        double ratio = (a / n1) / (c / n2);
        double se = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2);
        double log = Math.log(ratio);
        return new Ratio(ratio, new Interval(Math.exp(log - Z * se), Math.exp(log + Z * se)), corrected);
    }
}
