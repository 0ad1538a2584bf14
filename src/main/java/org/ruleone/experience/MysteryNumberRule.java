package org.ruleone.experience;

import java.math.BigDecimal;

/** How a NUMBER item's answer meets its target: rings or seconds at most the target, or at least it. */
public enum MysteryNumberRule {
    AT_MOST, AT_LEAST;

    public boolean meets(BigDecimal answer, BigDecimal target) {
        int c = answer.compareTo(target);
        return this == AT_MOST ? c <= 0 : c >= 0;
    }
}
