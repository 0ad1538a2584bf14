package org.ruleone.experience.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.ruleone.experience.MysteryItem;
import org.ruleone.experience.MysteryItemAnswer;
import org.ruleone.experience.MysteryVisit;
import org.ruleone.platform.Formats;
import org.ruleone.shared.Language;
import org.springframework.context.MessageSource;

/** What the shopper's report page and the manager's review show of a checklist's items and a visit. */
final class MysteryViews {

    private MysteryViews() {
    }

    record Section(String title, List<Item> items) {
    }

    /**
     * An item as the shopper answers it: its words, its answer type, the N/A choice if allowed, the number's unit
     * and target, what was typed, and the problem found in it (null if none).
     */
    record Item(long id, String text, String type, boolean naAllowed, String unit, String target, String value,
                boolean na, String comment, String answerShown, String problem) {
    }

    static Item item(MysteryItem i, Language language, MysteryReportForm typed, String problem,
                     MessageSource messages, Locale locale) {
        String target = i.numberRule() == null ? "" : messages.getMessage(
                "experience.mystery.report.target." + i.numberRule().name(),
                new Object[] {number(i.numberTarget(), locale), i.numberUnit()}, locale);
        String value = typed.value(i.id());
        return new Item(i.id(), i.text(language), i.type().name(), i.naAllowed(), i.numberUnit(), target, value,
                typed.na(i.id()), typed.comment(i.id()),
                shown(i, typed.na(i.id()), value, messages, locale), problem);
    }

    /** A kept answer in words: yes, no, 4 / 5, "3 rings", N/A, or a dash when not answered. */
    static String shown(MysteryItem i, MysteryItemAnswer a, MessageSource messages, Locale locale) {
        return a == null ? shown(i, false, null, messages, locale)
                : shown(i, a.na(), a.value() == null ? null : a.value().stripTrailingZeros().toPlainString(),
                messages, locale);
    }

    private static String shown(MysteryItem i, boolean na, String value, MessageSource messages, Locale locale) {
        if (na) {
            return messages.getMessage("experience.mystery.report.na", null, locale);
        }
        if (value == null || value.isBlank()) {
            return "—";
        }
        return switch (i.type()) {
            case YES_NO -> messages.getMessage("1".equals(value) ? "experience.mystery.report.yes"
                    : "experience.mystery.report.no", null, locale);
            case SCALE -> value + " / 5";
            case NUMBER -> {
                String n;
                try {
                    n = number(new BigDecimal(value), locale);
                } catch (NumberFormatException e) {
                    n = value;
                }
                yield (n + " " + i.numberUnit()).strip();
            }
        };
    }

    /** "2", "2.5", "2,5": a number as typed, at most two decimals. */
    static String number(BigDecimal n, Locale locale) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(2);
        return format.format(n);
    }

    /** The visit's window of dates, as the shopper and the manager read it. */
    static String window(MysteryVisit visit, Locale locale) {
        Formats f = Formats.of(locale);
        return visit.windowFrom().equals(visit.windowTo()) ? f.date(visit.windowFrom())
                : f.date(visit.windowFrom()) + " – " + f.date(visit.windowTo());
    }
}
