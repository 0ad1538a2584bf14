package org.ruleone.experience;

import java.math.BigDecimal;

import org.ruleone.shared.Language;

/**
 * One item of a checklist version, as a shopper answers it and as it is scored. {@code key} is the same for this item
 * in every version of its checklist, so results follow an item across edits.
 */
public record MysteryItem(long id, long sectionId, int position, String key, String textEn, String textFr,
                          String textPl, MysteryAnswerType type, BigDecimal weight, boolean critical,
                          boolean naAllowed, MysteryNumberRule numberRule, BigDecimal numberTarget, String numberUnit) {

    public MysteryItem {
        if (weight == null || weight.signum() <= 0) {
            throw new IllegalArgumentException("an item weighs more than nothing");
        }
        if ((type == MysteryAnswerType.NUMBER) != (numberRule != null && numberTarget != null)) {
            throw new IllegalArgumentException("a NUMBER item, and only it, has a rule and a target");
        }
        numberUnit = numberUnit == null ? "" : numberUnit;
    }

    /** The item's words in this language, else in the first language it was written in. */
    public String text(Language language) {
        return MysteryTexts.in(language, textEn, textFr, textPl);
    }
}
