package org.ruleone.paper;

import static org.ruleone.paper.Size.inch;
import static org.ruleone.paper.Size.mm;

/**
 * A letter page and where the recipient's address must sit for it to show through the window of the envelope it is
 * folded into (in thirds, text facing out of the window).
 */
public enum LetterFormat {
    /**
     * A4 (210 × 297 mm) for a DL envelope (110 × 220 mm) with a 45 × 100 mm window on the right, the French layout
     * (La Poste's printed-address guidance after AFNOR NF Z 11-001): the address frame is 85 mm wide and 33 mm high,
     * 110 mm from the left edge of the sheet and 55 mm from its top. The frame lies inside the window with room for
     * the sheet to move 5 mm either way in the envelope.
     */
    A4_DL_RIGHT_WINDOW(mm(210), mm(297), mm(20), new LabelSheet.Box(mm(110), mm(55), mm(85), mm(33))),
    /**
     * US Letter (8.5 × 11 in) for a #10 window envelope (4.125 × 9.5 in) with the standard 4.5 × 1.125 in window
     * 7/8 in from the left and 1/2 in from the bottom: folded in thirds, the top panel's window area on the sheet is
     * about 0.375–4.875 in across and 2.04–3.17 in down; the address frame keeps inside it with room to slip,
     * 0.875 in from the left and 2.125 in from the top, 3.75 × 0.875 in.
     */
    US_LETTER_10_WINDOW(inch(8.5), inch(11), inch(0.75), new LabelSheet.Box(inch(0.875), inch(2.125), inch(3.75),
            inch(0.875)));

    private final float width;
    private final float height;
    private final float margin;
    private final LabelSheet.Box window;

    LetterFormat(float width, float height, float margin, LabelSheet.Box window) {
        this.width = width;
        this.height = height;
        this.margin = margin;
        this.window = window;
    }

    /** The letter size for a store in this country: US Letter in the United States, A4 elsewhere. */
    public static LetterFormat forCountry(String country) {
        return "US".equals(AddressFormat.countryCode(country)) ? US_LETTER_10_WINDOW : A4_DL_RIGHT_WINDOW;
    }

    public float width() {
        return width;
    }

    public float height() {
        return height;
    }

    public float margin() {
        return margin;
    }

    /** Where the recipient's address must lie, in points from the top left of the page. */
    public LabelSheet.Box window() {
        return window;
    }
}
