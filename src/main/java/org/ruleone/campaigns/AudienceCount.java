package org.ruleone.campaigns;

import java.util.Map;

/** How many clients an audience reaches, and how many it leaves out and why. */
public record AudienceCount(int in, Map<LeftOutReason, Integer> leftOut) {

    public int leftOutTotal() {
        return leftOut.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int leftOut(LeftOutReason reason) {
        return leftOut.getOrDefault(reason, 0);
    }
}
