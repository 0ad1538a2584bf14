package org.ruleone.experience.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the checklist screens list: the checklists with their current version, and a checklist's versions. */
@Component
public class MysteryChecklistRows {

    private final JdbcClient jdbc;

    MysteryChecklistRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A checklist as the list shows it: its current version, how many items that has, and when it was saved. */
    public record Row(long id, String name, boolean archived, int version, int items, Instant savedAt) {
    }

    /** One version in a checklist's history: when and by whom it was saved, how many items it has. */
    public record VersionRow(int version, long versionId, Instant savedAt, String savedBy, int items) {
    }

    public List<Row> checklists() {
        return jdbc.sql("""
                select c.id, c.name, c.archived, v.version, v.created_at,
                       (select count(*) from mystery_item i where i.version_id = v.id)
                  from mystery_checklist c
                  join lateral (select id, version, created_at from mystery_checklist_version
                                 where checklist_id = c.id order by version desc limit 1) v on true
                 order by c.archived, lower(c.name), c.id
                """)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4),
                        rs.getInt(6), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** Newest first; empty for a checklist that does not exist. */
    public List<VersionRow> history(long checklistId) {
        return jdbc.sql("""
                select v.version, v.id, v.created_at, coalesce(a.name, ''),
                       (select count(*) from mystery_item i where i.version_id = v.id)
                  from mystery_checklist_version v
                  left join associate_directory a on a.id = v.created_by
                 where v.checklist_id = :c
                 order by v.version desc
                """)
                .param("c", checklistId)
                .query((rs, n) -> new VersionRow(rs.getInt(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getInt(5)))
                .list();
    }

    public Optional<Boolean> archived(long checklistId) {
        return jdbc.sql("select archived from mystery_checklist where id = :c").param("c", checklistId)
                .query(Boolean.class).optional();
    }
}
