package org.ruleone.experience;

import java.util.Map;

/**
 * What the mystery-shopping API refused to store or do, field by field: each entry names a form field and the
 * message key saying what is wrong with it. Nothing was changed.
 */
public class MysteryRefused extends RuntimeException {

    private final Map<String, String> problems;

    public MysteryRefused(Map<String, String> problems) {
        super("Refused: " + problems);
        this.problems = Map.copyOf(problems);
    }

    public static MysteryRefused of(String field, String messageKey) {
        return new MysteryRefused(Map.of(field, messageKey));
    }

    public Map<String, String> problems() {
        return problems;
    }
}
