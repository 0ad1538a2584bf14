package org.ruleone.experience;

/**
 * What is wrong with a checklist draft, for the screen to say: {@code code} names the message
 * ({@code experience.mystery.checklist.problem.<code>}); {@code section} and {@code item} (1-based, null when the
 * problem is the whole checklist's or the section's) say where.
 */
public record MysteryChecklistProblem(String code, Integer section, Integer item) {

    public static MysteryChecklistProblem ofChecklist(String code) {
        return new MysteryChecklistProblem(code, null, null);
    }

    public static MysteryChecklistProblem ofSection(String code, int section) {
        return new MysteryChecklistProblem(code, section, null);
    }

    public static MysteryChecklistProblem ofItem(String code, int section, int item) {
        return new MysteryChecklistProblem(code, section, item);
    }

    public String messageKey() {
        return "experience.mystery.checklist.problem." + code;
    }

    /** "2" for a section, "2.3" for its third item, "" for the checklist. */
    public String where() {
        return section == null ? "" : item == null ? String.valueOf(section) : section + "." + item;
    }

    public boolean isAt(int sectionNumber, Integer itemNumber) {
        return section != null && section == sectionNumber && java.util.Objects.equals(item, itemNumber);
    }
}
