package org.ruleone.rankings.internal;

/**
 * What one associate did on one component in the period, before it is scaled.
 *
 * @param kind  how the value reads and whether it can be thin
 * @param value a share or a mean on 0–1, or a total (heroics, sales)
 * @param n     how many data points the share or mean rests on
 */
public record Measure(Kind kind, double value, long n) {

    public enum Kind {
        /** Successes among trials, {@code value} = successes / n. */
        SHARE,
        /** The mean of scores each between 0 and 1. */
        MEAN,
        /** A count or an amount: never thin. */
        TOTAL
    }

    public static Measure share(long successes, long trials) {
        return new Measure(Kind.SHARE, trials == 0 ? 0 : (double) successes / trials, trials);
    }

    public static Measure mean(double mean, long n) {
        return new Measure(Kind.MEAN, n == 0 ? 0 : mean, n);
    }

    public static Measure total(double total) {
        return new Measure(Kind.TOTAL, total, 0);
    }

    public static final Measure NONE_SHARE = share(0, 0);
    public static final Measure NONE_MEAN = mean(0, 0);
    public static final Measure NONE_TOTAL = total(0);

    /** Whether it rests on too few data points to be ranked by its raw value. */
    public boolean thin(int thinBelow) {
        return kind != Kind.TOTAL && n < thinBelow;
    }

    long successes() {
        return Math.round(value * n);
    }
}
