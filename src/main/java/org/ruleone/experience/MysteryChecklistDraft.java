package org.ruleone.experience;

import java.math.BigDecimal;
import java.util.List;

/**
 * A checklist as the owner writes it, before it is saved as a version: its name and its sections with their items.
 * An item's {@code key} is the key it had in the version it was edited from, or null for an item added now (the
 * editor gives it one). Texts may be blank in some languages: the shopper reads the first one written.
 */
public record MysteryChecklistDraft(String name, List<Section> sections) {

    public MysteryChecklistDraft {
        name = name == null ? "" : name.strip();
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    public record Section(String titleEn, String titleFr, String titlePl, List<Item> items) {

        public Section {
            titleEn = clean(titleEn);
            titleFr = clean(titleFr);
            titlePl = clean(titlePl);
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** One item; a rule, a target and a unit mean something only for a NUMBER item and are dropped otherwise. */
    public record Item(String key, String textEn, String textFr, String textPl, MysteryAnswerType type,
                       BigDecimal weight, boolean critical, boolean naAllowed, MysteryNumberRule numberRule,
                       BigDecimal numberTarget, String numberUnit) {

        public Item {
            key = key == null || key.isBlank() ? null : key.strip();
            textEn = clean(textEn);
            textFr = clean(textFr);
            textPl = clean(textPl);
            numberUnit = clean(numberUnit);
            weight = twoDecimals(weight);
            numberTarget = twoDecimals(numberTarget);
            if (type != MysteryAnswerType.NUMBER) {
                numberRule = null;
                numberTarget = null;
                numberUnit = "";
            }
        }

        Item withKey(String newKey) {
            return new Item(newKey, textEn, textFr, textPl, type, weight, critical, naAllowed, numberRule,
                    numberTarget, numberUnit);
        }
    }

    /** The draft of a saved version, keys included: what the editor starts from. */
    public static MysteryChecklistDraft of(MysteryChecklists.Version version) {
        return new MysteryChecklistDraft(version.name(), version.sections().stream()
                .map(s -> new Section(s.titleEn(), s.titleFr(), s.titlePl(), s.items().stream()
                        .map(i -> new Item(i.key(), i.textEn(), i.textFr(), i.textPl(), i.type(), i.weight(),
                                i.critical(), i.naAllowed(), i.numberRule(), i.numberTarget(), i.numberUnit()))
                        .toList()))
                .toList());
    }

    /** 2, 2.0 and 2.00 are the same weight; more decimals are left as typed, for the editor to refuse. */
    private static BigDecimal twoDecimals(BigDecimal n) {
        if (n == null) {
            return null;
        }
        BigDecimal stripped = n.stripTrailingZeros();
        return stripped.scale() <= 2 ? stripped.setScale(2) : stripped;
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip();
    }
}
