package org.ruleone.paper;

import static org.ruleone.paper.Size.inch;
import static org.ruleone.paper.Size.mm;

/** Note cards, portrait, one per page. */
public enum CardFormat {
    /** ISO A6, 105 × 148 mm. */
    A6(mm(105), mm(148), mm(10)),
    /** US A2 card, 4.25 × 5.5 in. */
    A2(inch(4.25), inch(5.5), inch(0.4));

    private final Sheet sheet;

    CardFormat(float width, float height, float margin) {
        this.sheet = new Sheet(width, height, margin);
    }

    public Sheet sheet() {
        return sheet;
    }
}
