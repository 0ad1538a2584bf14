package org.ruleone.rankings;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How much each component counts, in whole percent: each 0–100, together exactly 100, sales at most 20 (ADR 0111).
 */
public record Weights(Map<Component, Integer> values) {

    public static final int SALES_AT_MOST = 20;

    /** Service and reputation ahead of sales. */
    public static final Weights DEFAULTS = new Weights(Map.of(Component.EXPERIENCE, 25, Component.HEROICS, 15,
            Component.MYSTERY, 10, Component.CAME_BACK, 15, Component.STANDARDS, 15, Component.TRAINING, 5,
            Component.SALES, 15));

    public Weights {
        EnumMap<Component, Integer> copy = new EnumMap<>(Component.class);
        for (Component c : Component.values()) {
            copy.put(c, values.getOrDefault(c, 0));
        }
        values = java.util.Collections.unmodifiableMap(copy);
    }

    public int of(Component component) {
        return values.get(component);
    }

    public int sum() {
        return values.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The message keys of what is wrong with these weights; empty when they may be saved. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (values.values().stream().anyMatch(v -> v < 0 || v > 100)) {
            problems.add("rankings.weights.problem.range");
        }
        if (sum() != 100) {
            problems.add("rankings.weights.problem.sum");
        }
        if (of(Component.SALES) > SALES_AT_MOST) {
            problems.add("rankings.weights.problem.sales");
        }
        return problems;
    }
}
