package org.ruleone.paper;

import static org.ruleone.paper.Size.inch;
import static org.ruleone.paper.Size.mm;

/** Envelopes, landscape, one per page (fed into the printer as the envelope itself). */
public enum EnvelopeFormat {
    /** DL, 220 × 110 mm. */
    DL(mm(220), mm(110), mm(10)),
    /** C6, 162 × 114 mm. */
    C6(mm(162), mm(114), mm(8)),
    /** US #10, 9.5 × 4.125 in. */
    US10(inch(9.5), inch(4.125), inch(0.375));

    private final Sheet sheet;

    EnvelopeFormat(float width, float height, float margin) {
        this.sheet = new Sheet(width, height, margin);
    }

    public Sheet sheet() {
        return sheet;
    }

    /** Where the recipient's block starts, from the left edge. */
    public float recipientLeft() {
        return sheet.width() * 0.45f;
    }

    /** Where the recipient's block starts, from the top edge. */
    public float recipientTop() {
        return sheet.height() * 0.45f;
    }
}
