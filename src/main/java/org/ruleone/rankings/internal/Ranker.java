package org.ruleone.rankings.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.ruleone.rankings.Component;
import org.ruleone.rankings.Period;
import org.ruleone.rankings.Ranking;
import org.ruleone.rankings.Ranking.Ranked;
import org.ruleone.rankings.Ranking.Scaled;
import org.ruleone.rankings.Weights;

/**
 * Ranks a peer group (ADR 0111), without a database: a thin share or mean is replaced by the lower bound of its 95%
 * Wilson interval; each component is then scaled 0–100 by its mid-rank percentile within the group (0 the lowest,
 * 100 the highest, equal values the same, 50 for everyone when nobody differs); the score is the weighted mean of
 * the scaled values; equal scores, as shown to one decimal, share a rank.
 */
public final class Ranker {

    static final double CONFIDENCE = 0.95;
    private static final double Z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);

    /** One associate of the peer group with their measures (a component missing counts as no data). */
    public record Entry(long associateId, String name, Map<Component, Measure> measures) {
    }

    private Ranker() {
    }

    public static Ranking rank(Period period, Optional<Long> storeId, Weights weights, List<Entry> peers) {
        Map<Component, double[]> scaled = new EnumMap<>(Component.class);
        for (Component c : Component.values()) {
            double[] values = peers.stream().mapToDouble(p -> rankable(measureOf(p, c))).toArray();
            scaled.put(c, percentiles(values));
        }
        List<Ranked> unranked = new ArrayList<>();
        for (int i = 0; i < peers.size(); i++) {
            Entry peer = peers.get(i);
            Map<Component, Scaled> components = new EnumMap<>(Component.class);
            double score = 0;
            for (Component c : Component.values()) {
                Measure m = measureOf(peer, c);
                double value = scaled.get(c)[i];
                components.put(c, new Scaled(value, m.thin(Ranking.THIN_BELOW), m.kind() == Measure.Kind.TOTAL ? 0 : m.n()));
                score += weights.of(c) * value / 100.0;
            }
            List<Component> strongest = strongest(components, weights);
            unranked.add(new Ranked(peer.associateId(), peer.name(), 0, round(score), components, strongest,
                    weakest(components, weights, strongest)));
        }
        unranked.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparing(Ranked::name));
        List<Ranked> rows = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            Ranked r = unranked.get(i);
            int rank = i > 0 && unranked.get(i - 1).score() == r.score() ? rows.get(i - 1).rank() : i + 1;
            rows.add(new Ranked(r.associateId(), r.name(), rank, r.score(), r.components(), r.strongest(),
                    r.weakest()));
        }
        boolean measured = peers.stream().flatMap(p -> p.measures().values().stream())
                .anyMatch(m -> m.n() > 0 || m.kind() == Measure.Kind.TOTAL && m.value() != 0);
        return new Ranking(period, storeId, weights, rows, measured);
    }

    private static Measure measureOf(Entry peer, Component c) {
        return peer.measures().getOrDefault(c, c == Component.HEROICS || c == Component.SALES
                ? Measure.NONE_TOTAL : Measure.NONE_SHARE);
    }

    /** The value a component is ranked by: its raw value, or the lower bound of its interval when thin. */
    static double rankable(Measure m) {
        if (!m.thin(Ranking.THIN_BELOW)) {
            return m.value();
        }
        if (m.n() == 0) {
            return 0;
        }
        if (m.kind() == Measure.Kind.SHARE) {
            return new WilsonScoreInterval().createInterval((int) m.n(), (int) m.successes(), CONFIDENCE)
                    .getLowerBound();
        }
        return wilsonLower(m.value(), m.n());
    }

    /**
     * The Wilson lower bound for the mean of scores between 0 and 1: such a score's variance is at most
     * mean·(1 − mean), the variance of a share, so the share's interval is a safe (wide) interval for the mean;
     * commons-math3 only takes whole successes, hence the formula (it equals commons-math3's for a share).
     */
    static double wilsonLower(double mean, long n) {
        double z2 = Z * Z;
        double centre = mean + z2 / (2 * n);
        double margin = Z * Math.sqrt(mean * (1 - mean) / n + z2 / (4.0 * n * n));
        return Math.max(0, (centre - margin) / (1 + z2 / n));
    }

    /** Mid-rank percentile on 0–100: the share of the others below, counting equals as half below. */
    static double[] percentiles(double[] values) {
        double[] scaled = new double[values.length];
        if (values.length < 2) {
            java.util.Arrays.fill(scaled, 50);
            return scaled;
        }
        // sorted once, each value's "below" and "equal" are two binary searches: a chain's 3,000 peers are 9 million
        // comparisons per component pair by pair
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) { // nothing is below or equal to it
                scaled[i] = 0;
                continue;
            }
            int below = firstAtLeast(sorted, values[i]);
            int equal = firstAbove(sorted, values[i]) - below - 1; // the others equal to it, itself left out
            scaled[i] = 100.0 * (below + equal / 2.0) / (values.length - 1);
        }
        return scaled;
    }

    /** The index of the first value not below {@code v} in an ascending array. */
    private static int firstAtLeast(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The index of the first value above {@code v} in an ascending array. */
    private static int firstAbove(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static List<Component> strongest(Map<Component, Scaled> components, Weights weights) {
        return counted(components, weights).stream()
                .sorted(Comparator.comparingDouble((Component c) -> components.get(c).value()).reversed()
                        .thenComparing(c -> -weights.of(c)))
                .limit(2).toList();
    }

    /** The weakest two of those not already named among the strongest. */
    private static List<Component> weakest(Map<Component, Scaled> components, Weights weights,
                                           List<Component> strongest) {
        return counted(components, weights).stream().filter(c -> !strongest.contains(c))
                .sorted(Comparator.comparingDouble((Component c) -> components.get(c).value())
                        .thenComparing(c -> -weights.of(c)))
                .limit(2).toList();
    }

    private static List<Component> counted(Map<Component, Scaled> components, Weights weights) {
        return components.keySet().stream().filter(c -> weights.of(c) > 0).toList();
    }

    private static double round(double score) {
        return Math.round(score * 10) / 10.0;
    }
}
