package org.ruleone.experience;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The mystery-shopping checklists as they read: each checklist's current version, and any version by its id. */
@Component
public class MysteryChecklists {

    private final JdbcClient jdbc;

    MysteryChecklists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A checklist and its latest version. */
    public record Summary(long id, String name, boolean archived, int version, long versionId) {
    }

    /** A section of a version, with its items in order. */
    public record Section(long id, int position, String titleEn, String titleFr, String titlePl,
                          List<MysteryItem> items) {

        public String title(Language language) {
            return MysteryTexts.in(language, titleEn, titleFr, titlePl);
        }
    }

    /** One version of a checklist, as a visit uses it. */
    public record Version(long id, long checklistId, String name, int version, List<Section> sections) {

        public List<MysteryItem> items() {
            return sections.stream().flatMap(s -> s.items().stream()).toList();
        }
    }

    public List<Summary> checklists() {
        return jdbc.sql("""
                select c.id, c.name, c.archived, v.version, v.id
                  from mystery_checklist c
                  join lateral (select id, version from mystery_checklist_version
                                 where checklist_id = c.id order by version desc limit 1) v on true
                 order by c.archived, lower(c.name), c.id
                """)
                .query((rs, n) -> new Summary(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4),
                        rs.getLong(5)))
                .list();
    }

    public Optional<Version> current(long checklistId) {
        return jdbc.sql("select id from mystery_checklist_version where checklist_id = :c order by version desc limit 1")
                .param("c", checklistId).query(Long.class).optional().flatMap(this::version);
    }

    public Optional<Version> version(long versionId) {
        Optional<Version> head = jdbc.sql("""
                select v.id, v.checklist_id, c.name, v.version
                  from mystery_checklist_version v join mystery_checklist c on c.id = v.checklist_id
                 where v.id = :id
                """)
                .param("id", versionId)
                .query((rs, n) -> new Version(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), List.of()))
                .optional();
        if (head.isEmpty()) {
            return head;
        }
        Map<Long, List<MysteryItem>> items = new LinkedHashMap<>();
        jdbc.sql("""
                select id, section_id, position, item_key, text_en, text_fr, text_pl, answer_type, weight, critical,
                       na_allowed, number_rule, number_target, number_unit
                  from mystery_item where version_id = :id order by position
                """)
                .param("id", versionId)
                .query((rs, n) -> new MysteryItem(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7),
                        MysteryAnswerType.valueOf(rs.getString(8)), rs.getBigDecimal(9), rs.getBoolean(10),
                        rs.getBoolean(11), rs.getString(12) == null ? null : MysteryNumberRule.valueOf(rs.getString(12)),
                        rs.getBigDecimal(13), rs.getString(14)))
                .list()
                .forEach(i -> items.computeIfAbsent(i.sectionId(), k -> new ArrayList<>()).add(i));
        List<Section> sections = jdbc.sql("""
                select id, position, title_en, title_fr, title_pl from mystery_section
                 where version_id = :id order by position
                """)
                .param("id", versionId)
                .query((rs, n) -> new Section(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), List.copyOf(items.getOrDefault(rs.getLong(1), List.of()))))
                .list();
        Version v = head.get();
        return Optional.of(new Version(v.id(), v.checklistId(), v.name(), v.version(), sections));
    }
}
