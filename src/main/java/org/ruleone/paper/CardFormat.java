package org.ruleone.paper;

import static org.ruleone.paper.Size.inch;
import static org.ruleone.paper.Size.mm;

/** Note cards, portrait, one per page. */
public enum CardFormat {
    /** ISO A6, 105 × 148 mm. */
    A6(mm(105), mm(148), mm(10)),
    /** US A2 card, 4.25 × 5.5 in. */
    A2(inch(4.25), inch(5.5), inch(0.4));

    private final float width;
    private final float height;
    private final float margin;

    CardFormat(float width, float height, float margin) {
        this.width = width;
        this.height = height;
        this.margin = margin;
    }

    public float width() {
        return width;
    }

    public float height() {
        return height;
    }

    /** The blank border around the text, on every side. */
    public float margin() {
        return margin;
    }
}
