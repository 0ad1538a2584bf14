package org.ruleone.paper;

import static org.ruleone.paper.Size.inch;
import static org.ruleone.paper.Size.mm;

/** Posters, portrait, one per page. */
public enum PosterFormat {
    /** ISO A4, 210 × 297 mm. */
    A4(mm(210), mm(297), mm(18)),
    /** US Letter, 8.5 × 11 in. */
    LETTER(inch(8.5), inch(11), inch(0.7));

    private final Sheet sheet;

    PosterFormat(float width, float height, float margin) {
        this.sheet = new Sheet(width, height, margin);
    }

    public Sheet sheet() {
        return sheet;
    }

    /** Letter where it is the usual paper (the United States and Canada), else A4. */
    public static PosterFormat forCountry(String country) {
        return "US".equalsIgnoreCase(country) || "CA".equalsIgnoreCase(country) ? LETTER : A4;
    }
}
