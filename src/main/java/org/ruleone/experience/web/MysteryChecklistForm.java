package org.ruleone.experience.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ruleone.experience.MysteryAnswerType;
import org.ruleone.experience.MysteryChecklistDraft;
import org.ruleone.experience.MysteryChecklists;
import org.ruleone.experience.MysteryNumberRule;

/**
 * The checklist editor as typed: every field is text, so a mistake is shown back exactly as typed. Sections and
 * items are numbered rows ({@code sections[0].items[2].textEn}); the add and remove buttons post the whole form
 * back and it comes back with a row more or less, which works without JavaScript.
 */
record MysteryChecklistForm(String name, Integer basedOn, List<SectionRow> sections) {

    static final String NEW_WEIGHT = "1";

    MysteryChecklistForm {
        name = name == null ? "" : name;
        sections = sections == null ? List.of()
                : sections.stream().filter(Objects::nonNull).toList();
    }

    record SectionRow(String titleEn, String titleFr, String titlePl, List<ItemRow> items) {

        SectionRow {
            titleEn = text(titleEn);
            titleFr = text(titleFr);
            titlePl = text(titlePl);
            items = items == null ? List.of() : items.stream().filter(Objects::nonNull).toList();
        }

        static SectionRow blank() {
            return new SectionRow("", "", "", List.of(ItemRow.blank()));
        }
    }

    /** An unticked box is not sent at all, so a missing {@code critical} or {@code naAllowed} is false. */
    record ItemRow(String key, String textEn, String textFr, String textPl, String type, String weight,
                   Boolean critical, Boolean naAllowed, String rule, String target, String unit) {

        ItemRow {
            key = text(key);
            textEn = text(textEn);
            textFr = text(textFr);
            textPl = text(textPl);
            type = text(type);
            weight = text(weight);
            critical = Boolean.TRUE.equals(critical);
            naAllowed = Boolean.TRUE.equals(naAllowed);
            rule = text(rule);
            target = text(target);
            unit = text(unit);
        }

        static ItemRow blank() {
            return new ItemRow("", "", "", "", MysteryAnswerType.YES_NO.name(), NEW_WEIGHT, false, true, "", "", "");
        }
    }

    static MysteryChecklistForm blank() {
        return new MysteryChecklistForm("", null, List.of(SectionRow.blank()));
    }

    /** The form of a saved version, to edit it: the keys go along, hidden, so each item keeps its own. */
    static MysteryChecklistForm of(MysteryChecklists.Version version) {
        return new MysteryChecklistForm(version.name(), version.version(), MysteryChecklistDraft.of(version).sections()
                .stream()
                .map(s -> new SectionRow(s.titleEn(), s.titleFr(), s.titlePl(), s.items().stream()
                        .map(i -> new ItemRow(i.key(), i.textEn(), i.textFr(), i.textPl(), i.type().name(),
                                plain(i.weight()), i.critical(), i.naAllowed(),
                                i.numberRule() == null ? "" : i.numberRule().name(), plain(i.numberTarget()),
                                i.numberUnit()))
                        .toList()))
                .toList());
    }

    /** The draft to check and save; text that is not a number or a type becomes null, which the editor refuses. */
    MysteryChecklistDraft draft() {
        return new MysteryChecklistDraft(name, sections.stream()
                .map(s -> new MysteryChecklistDraft.Section(s.titleEn(), s.titleFr(), s.titlePl(), s.items().stream()
                        .map(i -> new MysteryChecklistDraft.Item(i.key(), i.textEn(), i.textFr(), i.textPl(),
                                named(MysteryAnswerType.class, i.type()), number(i.weight()), i.critical(),
                                i.naAllowed(), named(MysteryNumberRule.class, i.rule()), number(i.target()),
                                i.unit()))
                        .toList()))
                .toList());
    }

    /**
     * The form after one of its buttons: {@code add-section}, {@code add-item-2} (to section 2),
     * {@code remove-section-2} or {@code remove-item-2-3} (numbers as shown, from 1). Anything else changes nothing.
     */
    MysteryChecklistForm changed(String change) {
        String[] parts = change == null ? new String[0] : change.split("-");
        List<SectionRow> rows = new ArrayList<>(sections);
        try {
            switch (parts.length == 0 ? "" : parts[0] + "-" + (parts.length > 1 ? parts[1] : "")) {
                case "add-section" -> rows.add(SectionRow.blank());
                case "add-item" -> {
                    int s = index(parts[2], rows.size());
                    rows.set(s, withItems(rows.get(s), plus(rows.get(s).items(), ItemRow.blank())));
                }
                case "remove-section" -> rows.remove(index(parts[2], rows.size()));
                case "remove-item" -> {
                    int s = index(parts[2], rows.size());
                    List<ItemRow> items = new ArrayList<>(rows.get(s).items());
                    items.remove(index(parts[3], items.size()));
                    rows.set(s, withItems(rows.get(s), items));
                }
                default -> {
                    return this;
                }
            }
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            return this;
        }
        return new MysteryChecklistForm(name, basedOn, rows);
    }

    private static SectionRow withItems(SectionRow s, List<ItemRow> items) {
        return new SectionRow(s.titleEn(), s.titleFr(), s.titlePl(), items);
    }

    private static List<ItemRow> plus(List<ItemRow> items, ItemRow item) {
        List<ItemRow> more = new ArrayList<>(items);
        more.add(item);
        return more;
    }

    private static int index(String shown, int size) {
        int i = Integer.parseInt(shown) - 1;
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return i;
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** "1,5" as French and Polish write it is 1.5. */
    private static BigDecimal number(String text) {
        try {
            return text.isEmpty() ? null : new BigDecimal(text.replace(',', '.').replace(" ", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** 1.50 is shown 1.5, 3.00 is shown 3. */
    static String plain(BigDecimal n) {
        return n == null ? "" : n.stripTrailingZeros().toPlainString();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
