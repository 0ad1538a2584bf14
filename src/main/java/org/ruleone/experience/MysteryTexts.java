package org.ruleone.experience;

import org.ruleone.shared.Language;

/** Picks a checklist's words in a language, falling back to English, French, then Polish: at least one is written. */
public final class MysteryTexts {

    private MysteryTexts() {
    }

    public static String in(Language language, String en, String fr, String pl) {
        String wanted = switch (language) {
            case FR -> fr;
            case PL -> pl;
            default -> en;
        };
        if (wanted != null && !wanted.isBlank()) {
            return wanted;
        }
        for (String s : new String[] {en, fr, pl}) {
            if (s != null && !s.isBlank()) {
                return s;
            }
        }
        return "";
    }
}
