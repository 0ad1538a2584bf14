package org.ruleone.experience;

import java.math.BigDecimal;
import java.util.List;

/**
 * A visit's score: the weight earned over the weight possible, N/A items left out of both, as a percent (null when
 * every item was N/A); flagged when a critical item failed, whatever the percent.
 */
public record MysteryScore(BigDecimal earned, BigDecimal possible, BigDecimal percent, boolean flagged,
                           List<Item> items) {

    public MysteryScore {
        items = List.copyOf(items);
    }

    /** How one item came out. */
    public enum Outcome {
        PASSED, PARTLY, FAILED, NA, UNANSWERED
    }

    /** One item's result: what it earned of what it could. */
    public record Item(long itemId, String key, Outcome outcome, BigDecimal earned, BigDecimal possible,
                       boolean critical) {
    }
}
