package org.ruleone.experience.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ruleone.experience.MysteryChecklistProblem;
import org.ruleone.experience.MysteryChecklists;
import org.ruleone.experience.MysteryItem;
import org.ruleone.experience.MysteryTexts;
import org.ruleone.experience.internal.MysteryChecklistRows.VersionRow;
import org.ruleone.shared.Language;

/** The view models of the checklist screens: a version as read, and the editor's rows with their problems. */
final class MysteryChecklistViews {

    private MysteryChecklistViews() {
    }

    /** A checklist's version as its page shows it, with the checklist's history. */
    record ChecklistView(long id, String name, boolean archived, int version, int currentVersion,
                         List<SectionView> sections, List<VersionRow> history) {

        public boolean current() {
            return version == currentVersion;
        }

        static ChecklistView of(MysteryChecklists.Version v, boolean archived, List<VersionRow> history) {
            int current = history.isEmpty() ? v.version() : history.getFirst().version();
            List<SectionView> sections = new ArrayList<>();
            for (int s = 0; s < v.sections().size(); s++) {
                MysteryChecklists.Section section = v.sections().get(s);
                int sn = s + 1;
                List<ItemView> items = new ArrayList<>();
                for (int i = 0; i < section.items().size(); i++) {
                    items.add(ItemView.of(sn + "." + (i + 1), section.items().get(i)));
                }
                sections.add(new SectionView(sn, section.titleEn(), section.titleFr(), section.titlePl(), items));
            }
            return new ChecklistView(v.checklistId(), v.name(), archived, v.version(), current, sections, history);
        }
    }

    record SectionView(int number, String titleEn, String titleFr, String titlePl, List<ItemView> items) {

        /** The title in the reader's language, else the first one written. */
        public String title(Locale locale) {
            return MysteryTexts.in(Language.of(locale), titleEn, titleFr, titlePl);
        }
    }

    /** An item's facts, numbers written plainly ("2", "1.5"). */
    record ItemView(String number, String key, String textEn, String textFr, String textPl, String type,
                    String weight, boolean critical, boolean naAllowed, String rule, String target, String unit) {

        static ItemView of(String number, MysteryItem i) {
            return new ItemView(number, i.key(), i.textEn(), i.textFr(), i.textPl(), i.type().name(),
                    MysteryChecklistForm.plain(i.weight()), i.critical(), i.naAllowed(),
                    i.numberRule() == null ? "" : i.numberRule().name(), MysteryChecklistForm.plain(i.numberTarget()),
                    i.numberUnit());
        }
    }

    /** The editor: the form as typed, its rows numbered and named for binding, each with its own problems. */
    record EditorView(Long checklistId, MysteryChecklistForm form, List<EditorSection> sections,
                      List<MysteryChecklistProblem> problems) {

        static EditorView of(Long checklistId, MysteryChecklistForm form, List<MysteryChecklistProblem> problems) {
            List<EditorSection> sections = new ArrayList<>();
            for (int s = 0; s < form.sections().size(); s++) {
                MysteryChecklistForm.SectionRow row = form.sections().get(s);
                int sn = s + 1;
                String prefix = "sections[" + s + "]";
                List<EditorItem> items = new ArrayList<>();
                for (int i = 0; i < row.items().size(); i++) {
                    int in = i + 1;
                    items.add(new EditorItem(sn, in, prefix + ".items[" + i + "]", row.items().get(i),
                            problems.stream().filter(p -> p.isAt(sn, in)).toList()));
                }
                sections.add(new EditorSection(sn, prefix, row, items,
                        problems.stream().filter(p -> p.isAt(sn, null)).toList()));
            }
            return new EditorView(checklistId, form, sections, problems);
        }

        public boolean creating() {
            return checklistId == null;
        }

        public List<MysteryChecklistProblem> checklistProblems() {
            return problems.stream().filter(p -> p.section() == null).toList();
        }
    }

    record EditorSection(int number, String prefix, MysteryChecklistForm.SectionRow row, List<EditorItem> items,
                         List<MysteryChecklistProblem> problems) {
    }

    record EditorItem(int section, int number, String prefix, MysteryChecklistForm.ItemRow row,
                      List<MysteryChecklistProblem> problems) {
    }
}
