package org.ruleone.experience;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.ruleone.organization.SignedInAssociate;
import org.ruleone.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner writes the mystery-shopping checklists (ADR 0099): makes one, saves an edit as a new version (the
 * visits keep theirs), renames, archives. An item keeps its key across versions so results follow it; an item added
 * gets a key made from its words, unique within the checklist's whole history. Only the owner may write.
 */
@Component
public class MysteryChecklistEditor {

    public static final int MAX_NAME = 200;
    public static final int MAX_TITLE = 300;
    public static final int MAX_TEXT = 500;
    public static final int MAX_UNIT = 40;
    public static final int MAX_SECTIONS = 20;
    public static final int MAX_ITEMS = 100;
    private static final BigDecimal MAX_WEIGHT = BigDecimal.valueOf(1000);
    private static final BigDecimal MAX_TARGET = new BigDecimal("99999999.99");
    private static final int KEY_STEM = 48;
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final JdbcClient jdbc;
    private final MysteryChecklists checklists;
    private final Clock clock;

    MysteryChecklistEditor(JdbcClient jdbc, MysteryChecklists checklists, Clock clock) {
        this.jdbc = jdbc;
        this.checklists = checklists;
        this.clock = clock;
    }

    /** Everything wrong with a draft, in reading order; empty when it may be saved. */
    public List<MysteryChecklistProblem> problems(MysteryChecklistDraft draft) {
        List<MysteryChecklistProblem> problems = new ArrayList<>();
        if (draft.name().isEmpty()) {
            problems.add(MysteryChecklistProblem.ofChecklist("nameMissing"));
        } else if (draft.name().length() > MAX_NAME) {
            problems.add(MysteryChecklistProblem.ofChecklist("nameLong"));
        }
        if (draft.sections().isEmpty()) {
            problems.add(MysteryChecklistProblem.ofChecklist("noSections"));
        } else if (draft.sections().size() > MAX_SECTIONS) {
            problems.add(MysteryChecklistProblem.ofChecklist("tooManySections"));
        }
        if (draft.sections().stream().mapToInt(s -> s.items().size()).sum() > MAX_ITEMS) {
            problems.add(MysteryChecklistProblem.ofChecklist("tooManyItems"));
        }
        for (int s = 0; s < draft.sections().size(); s++) {
            MysteryChecklistDraft.Section section = draft.sections().get(s);
            int sn = s + 1;
            if (blank(section.titleEn(), section.titleFr(), section.titlePl())) {
                problems.add(MysteryChecklistProblem.ofSection("titleMissing", sn));
            } else if (longer(MAX_TITLE, section.titleEn(), section.titleFr(), section.titlePl())) {
                problems.add(MysteryChecklistProblem.ofSection("titleLong", sn));
            }
            if (section.items().isEmpty()) {
                problems.add(MysteryChecklistProblem.ofSection("noItems", sn));
            }
            for (int i = 0; i < section.items().size(); i++) {
                itemProblems(section.items().get(i), sn, i + 1, problems);
            }
        }
        return problems;
    }

    private static void itemProblems(MysteryChecklistDraft.Item item, int sn, int in,
                                     List<MysteryChecklistProblem> problems) {
        if (blank(item.textEn(), item.textFr(), item.textPl())) {
            problems.add(MysteryChecklistProblem.ofItem("textMissing", sn, in));
        } else if (longer(MAX_TEXT, item.textEn(), item.textFr(), item.textPl())) {
            problems.add(MysteryChecklistProblem.ofItem("textLong", sn, in));
        }
        if (item.type() == null) {
            problems.add(MysteryChecklistProblem.ofItem("type", sn, in));
        }
        BigDecimal w = item.weight();
        if (w == null || w.signum() <= 0 || w.compareTo(MAX_WEIGHT) > 0 || w.scale() > 2) {
            problems.add(MysteryChecklistProblem.ofItem("weight", sn, in));
        }
        if (item.type() == MysteryAnswerType.NUMBER) {
            if (item.numberRule() == null) {
                problems.add(MysteryChecklistProblem.ofItem("numberRule", sn, in));
            }
            BigDecimal t = item.numberTarget();
            if (t == null || t.signum() < 0 || t.compareTo(MAX_TARGET) > 0 || t.scale() > 2) {
                problems.add(MysteryChecklistProblem.ofItem("numberTarget", sn, in));
            }
            if (item.numberUnit().length() > MAX_UNIT) {
                problems.add(MysteryChecklistProblem.ofItem("unitLong", sn, in));
            }
        }
    }

    /** Makes a checklist with its first version; returns its id. */
    @Transactional
    public long create(MysteryChecklistDraft draft, SignedInAssociate by) {
        mustBeOwner(by);
        refuseIfWrong(problems(draft));
        long id = jdbc.sql("""
                insert into mystery_checklist (name, created_by, created_at) values (:name, :by, :at) returning id
                """)
                .param("name", draft.name()).param("by", by.id()).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        writeVersion(id, 1, withKeys(draft, Set.of()), by);
        return id;
    }

    /**
     * Saves an edit of the version {@code basedOn} as the checklist's next version and returns its number. Nothing
     * changed but the name: the name is changed and no version is made. Someone else saved a version meanwhile:
     * refused ({@code stale}), so no edit silently undoes another.
     */
    @Transactional
    public int revise(long checklistId, int basedOn, MysteryChecklistDraft draft, SignedInAssociate by) {
        mustBeOwner(by);
        refuseIfWrong(problems(draft));
        lock(checklistId);
        MysteryChecklists.Version current = checklists.current(checklistId).orElseThrow();
        if (current.version() != basedOn) {
            throw new MysteryChecklistRefused(List.of(MysteryChecklistProblem.ofChecklist("stale")));
        }
        MysteryChecklistDraft keyed = withKeys(draft, keysEverUsed(checklistId));
        rename(checklistId, draft.name());
        if (keyed.sections().equals(MysteryChecklistDraft.of(current).sections())) {
            return current.version();
        }
        writeVersion(checklistId, current.version() + 1, keyed, by);
        return current.version() + 1;
    }

    @Transactional
    public void rename(long checklistId, String name, SignedInAssociate by) {
        mustBeOwner(by);
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw new MysteryChecklistRefused(List.of(MysteryChecklistProblem.ofChecklist(
                    clean.isEmpty() ? "nameMissing" : "nameLong")));
        }
        lock(checklistId);
        rename(checklistId, clean);
    }

    /** Archived checklists stay readable, with their versions, but are no longer offered for new visits. */
    @Transactional
    public void archive(long checklistId, boolean archived, SignedInAssociate by) {
        mustBeOwner(by);
        lock(checklistId);
        jdbc.sql("update mystery_checklist set archived = :a where id = :id")
                .param("a", archived).param("id", checklistId).update();
    }

    private void rename(long checklistId, String name) {
        jdbc.sql("update mystery_checklist set name = :name where id = :id and name <> :name")
                .param("name", name).param("id", checklistId).update();
    }

    private void lock(long checklistId) {
        jdbc.sql("select id from mystery_checklist where id = :id for update").param("id", checklistId)
                .query(Long.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("no checklist " + checklistId));
    }

    private void writeVersion(long checklistId, int version, MysteryChecklistDraft draft, SignedInAssociate by) {
        Timestamp at = Timestamp.from(clock.instant());
        long versionId = jdbc.sql("""
                insert into mystery_checklist_version (checklist_id, version, created_by, created_at)
                values (:c, :v, :by, :at) returning id
                """)
                .param("c", checklistId).param("v", version).param("by", by.id()).param("at", at)
                .query(Long.class).single();
        int itemPosition = 0;
        for (int s = 0; s < draft.sections().size(); s++) {
            MysteryChecklistDraft.Section section = draft.sections().get(s);
            long sectionId = jdbc.sql("""
                    insert into mystery_section (version_id, position, title_en, title_fr, title_pl)
                    values (:v, :p, :en, :fr, :pl) returning id
                    """)
                    .param("v", versionId).param("p", s + 1).param("en", section.titleEn())
                    .param("fr", section.titleFr()).param("pl", section.titlePl())
                    .query(Long.class).single();
            for (MysteryChecklistDraft.Item item : section.items()) {
                jdbc.sql("""
                        insert into mystery_item (version_id, section_id, position, item_key, text_en, text_fr,
                                                  text_pl, answer_type, weight, critical, na_allowed, number_rule,
                                                  number_target, number_unit)
                        values (:v, :s, :p, :key, :en, :fr, :pl, :type, :weight, :critical, :na, :rule, :target,
                                :unit)
                        """)
                        .param("v", versionId).param("s", sectionId).param("p", ++itemPosition)
                        .param("key", item.key()).param("en", item.textEn()).param("fr", item.textFr())
                        .param("pl", item.textPl()).param("type", item.type().name()).param("weight", item.weight())
                        .param("critical", item.critical()).param("na", item.naAllowed())
                        .param("rule", item.numberRule() == null ? null : item.numberRule().name())
                        .param("target", item.numberTarget()).param("unit", item.numberUnit())
                        .update();
            }
        }
    }

    private Set<String> keysEverUsed(long checklistId) {
        return new HashSet<>(jdbc.sql("""
                select distinct i.item_key from mystery_item i
                  join mystery_checklist_version v on v.id = i.version_id
                 where v.checklist_id = :c
                """).param("c", checklistId).query(String.class).list());
    }

    /**
     * Keeps each item's key when it has one (the first item naming it, when two do); gives every other item a new
     * key from its words, unused in this draft and in the checklist's history, so a new item never takes the key of
     * one removed earlier.
     */
    static MysteryChecklistDraft withKeys(MysteryChecklistDraft draft, Set<String> known) {
        Set<String> taken = new HashSet<>(known);
        Set<String> kept = new HashSet<>();
        List<List<String>> keys = new ArrayList<>();
        for (MysteryChecklistDraft.Section section : draft.sections()) {
            List<String> sectionKeys = new ArrayList<>();
            for (MysteryChecklistDraft.Item item : section.items()) {
                boolean keep = item.key() != null && KEY.matcher(item.key()).matches() && kept.add(item.key());
                sectionKeys.add(keep ? item.key() : null);
            }
            keys.add(sectionKeys);
        }
        List<MysteryChecklistDraft.Section> sections = new ArrayList<>();
        for (int s = 0; s < draft.sections().size(); s++) {
            MysteryChecklistDraft.Section section = draft.sections().get(s);
            List<MysteryChecklistDraft.Item> items = new ArrayList<>();
            for (int i = 0; i < section.items().size(); i++) {
                MysteryChecklistDraft.Item item = section.items().get(i);
                String key = keys.get(s).get(i);
                if (key == null) {
                    key = unique(slug(MysteryTexts.in(Language.EN, item.textEn(), item.textFr(), item.textPl())),
                            taken, kept);
                    kept.add(key);
                }
                taken.add(key);
                items.add(item.withKey(key));
            }
            sections.add(new MysteryChecklistDraft.Section(section.titleEn(), section.titleFr(), section.titlePl(),
                    items));
        }
        return new MysteryChecklistDraft(draft.name(), sections);
    }

    /** "Were you greeted on entry?" becomes {@code were-you-greeted-on-entry}; accents and Polish letters go. */
    static String slug(String text) {
        String s = Normalizer.normalize(text.toLowerCase(Locale.ROOT).replace('ł', 'l'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (s.length() > KEY_STEM) {
            s = s.substring(0, KEY_STEM);
            int cut = s.lastIndexOf('-');
            s = (cut > KEY_STEM / 2 ? s.substring(0, cut) : s).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "item" : s;
    }

    private static String unique(String stem, Set<String> taken, Set<String> kept) {
        String key = stem;
        for (int n = 2; taken.contains(key) || kept.contains(key); n++) {
            key = stem + "-" + n;
        }
        return key;
    }

    private static void refuseIfWrong(List<MysteryChecklistProblem> problems) {
        if (!problems.isEmpty()) {
            throw new MysteryChecklistRefused(problems);
        }
    }

    private static void mustBeOwner(SignedInAssociate by) {
        if (!by.isOwner()) {
            throw new AccessDeniedException("only the owner writes checklists");
        }
    }

    private static boolean blank(String... texts) {
        for (String t : texts) {
            if (!t.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static boolean longer(int max, String... texts) {
        for (String t : texts) {
            if (t.length() > max) {
                return true;
            }
        }
        return false;
    }
}
