package org.ruleone.ledger;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Whether a reply apologises, in English, French or Polish. Pure. */
public final class Apologies {

    /** Word beginnings, without accents, lower case. */
    private static final List<String> STEMS = List.of(
            // English
            "sorry", "apolog", "regret",
            // French
            "desole", "excuse", "excusez", "pardon", "regrett", "navre",
            // Polish
            "przepra", "przeprosin", "wybacz", "zaluj", "ubolewa");

    private static final Pattern WORDS = Pattern.compile("[^\\p{L}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Apologies() {
    }

    public static boolean in(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String plain = MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("").replace('ł', 'l');
        for (String word : WORDS.split(plain)) {
            for (String stem : STEMS) {
                if (word.startsWith(stem)) {
                    return true;
                }
            }
        }
        return false;
    }
}
