package org.ruleone.rankings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Associates of a store (or of the chain, {@code storeId} empty) for a period, best first.
 *
 * @param weights  the weights in force for the period
 * @param measured whether anyone of the group has anything measured in the period (an answer, a heroic, a visit, a
 *                 case, a client, a feedback or a sale): when nobody has, everyone is at 50 and the order is only
 *                 the names'
 */
public record Ranking(Period period, Optional<Long> storeId, Weights weights, List<Ranked> rows, boolean measured) {

    public Ranking {
        rows = List.copyOf(rows);
    }

    /**
     * One associate's place: equal scores share a rank (1, 2, 2, 4).
     *
     * @param score      0–100, the weighted sum of the components' scaled values
     * @param components each component scaled 0–100 within the peer group
     * @param strongest  the two components with the highest scaled values (among those that weigh anything)
     * @param weakest    the two with the lowest, weakest first, among the others (empty when none are left)
     */
    public record Ranked(long associateId, String name, int rank, double score, Map<Component, Scaled> components,
                         List<Component> strongest, List<Component> weakest) {

        public Ranked {
            components = Map.copyOf(components);
            strongest = List.copyOf(strongest);
            weakest = List.copyOf(weakest);
        }
    }

    /**
     * A component's value scaled 0–100 within the peer group.
     *
     * @param thin       built on fewer data points than {@code Ranking.THIN_BELOW}: ranked by the lower bound of its 95%
     *                   interval, not its raw value
     * @param dataPoints how many answers, visits, cases, clients or feedbacks it rests on (0 for totals)
     */
    public record Scaled(double value, boolean thin, long dataPoints) {
    }

    /** Below this many data points a share or a mean is ranked by the lower bound of its 95% interval. */
    public static final int THIN_BELOW = 10;
}
