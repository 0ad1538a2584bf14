package org.ruleone.recognition.internal;

import java.util.List;

import org.ruleone.recognition.internal.HeroicRecords.HeroRow;

/** Short texts made from a heroic for lists elsewhere (the home, a timeline, a profile). */
final class HeroicTexts {

    static final int EXCERPT = 140;

    private HeroicTexts() {
    }

    /** The first {@link #EXCERPT} characters of what happened, on one line. */
    static String excerpt(String what) {
        String line = what.strip().replaceAll("\\s+", " ");
        return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT - 1).strip() + "…";
    }

    static String names(List<HeroRow> heroes) {
        return String.join(", ", heroes.stream().map(HeroRow::name).toList());
    }
}
