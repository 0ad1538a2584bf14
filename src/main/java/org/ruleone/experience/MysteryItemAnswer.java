package org.ruleone.experience;

import java.math.BigDecimal;

/**
 * A shopper's answer to one item: N/A, or a value (1 or 0 for yes or no, 1–5 for a scale, a number), with a comment.
 * A value of null and no N/A is an item not answered yet (a draft).
 */
public record MysteryItemAnswer(long itemId, boolean na, BigDecimal value, String comment) {

    public static final int MAX_COMMENT = 2000;
    public static final BigDecimal MAX_NUMBER = new BigDecimal("100000");

    public MysteryItemAnswer {
        if (na && value != null) {
            throw new IllegalArgumentException("an N/A answer has no value");
        }
        comment = comment == null ? "" : comment.strip();
    }

    public boolean answered() {
        return na || value != null;
    }

    /** Why this answer cannot be kept for this item, or null when it can. */
    public static String problem(MysteryItem item, MysteryItemAnswer answer) {
        if (answer.comment().length() > MAX_COMMENT) {
            return "comment-too-long";
        }
        if (answer.na()) {
            return item.naAllowed() ? null : "na-not-allowed";
        }
        BigDecimal v = answer.value();
        if (v == null) {
            return null;
        }
        return switch (item.type()) {
            case YES_NO -> v.compareTo(BigDecimal.ZERO) == 0 || v.compareTo(BigDecimal.ONE) == 0 ? null : "yes-no";
            case SCALE -> v.stripTrailingZeros().scale() <= 0 && v.compareTo(BigDecimal.ONE) >= 0
                    && v.compareTo(BigDecimal.valueOf(5)) <= 0 ? null : "scale";
            case NUMBER -> v.signum() >= 0 && v.compareTo(MAX_NUMBER) <= 0 && v.scale() <= 2 ? null : "number";
        };
    }
}
