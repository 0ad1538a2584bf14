package org.ruleone.paper;

/** One piece of paper printed one per page: its width, height and the blank border kept on every side, in points. */
public record Sheet(float width, float height, float margin) {
}
