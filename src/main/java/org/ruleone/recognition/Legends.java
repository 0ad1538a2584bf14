package org.ruleone.recognition;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ruleone.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the legend library. A legend written in one language shows in that language to everyone; a seeded founding
 * story, written in every language, in the reader's (ADR 0105). The library lists the founding stories first, then
 * the chain's own, newest first.
 */
@Component
public class Legends {

    /** The most legends a search or the library returns. */
    public static final int LIMIT = 500;

    // One text per legend: the reader's language when it has one, else the one it was written in.
    private static final String SHOWN = """
            select distinct on (l.id) l.id, l.heroic_id, l.position, l.marked_at, t.language, t.title, t.story,
                   t.lesson
              from legend l join legend_text t on t.legend_id = l.id
             order by l.id, (t.language = :language) desc, t.language
            """;

    private final JdbcClient jdbc;

    Legends(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Legend> find(long id, Language language) {
        return jdbc.sql("select * from (" + SHOWN + ") s where id = :id")
                .param("language", language.code()).param("id", id)
                .query((rs, n) -> read(rs)).optional();
    }

    /**
     * The library in this reader's language, founding stories first; with a query, only the legends whose title,
     * story or lesson (as shown) contain it, case-insensitively.
     */
    public List<Legend> library(Language language, String query) {
        String q = query == null ? "" : query.strip();
        return jdbc.sql("select * from (" + SHOWN + ") s"
                        + " where :q = '' or s.title ilike :like escape '\\' or s.story ilike :like escape '\\'"
                        + " or s.lesson ilike :like escape '\\'"
                        + " order by s.position, s.marked_at desc, s.id desc limit " + LIMIT)
                .param("language", language.code()).param("q", q).param("like", "%" + escapeLike(q) + "%")
                .query((rs, n) -> read(rs)).list();
    }

    /** The legend marked from this heroic, if it was marked. */
    public Optional<Legend> ofHeroic(long heroicId, Language language) {
        return jdbc.sql("select * from (" + SHOWN + ") s where heroic_id = :heroic")
                .param("language", language.code()).param("heroic", heroicId)
                .query((rs, n) -> read(rs)).optional();
    }

    private static Legend read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Legend(rs.getLong("id"), rs.getString("title"), rs.getString("story"), rs.getString("lesson"),
                Language.valueOf(rs.getString("language").toUpperCase(Locale.ROOT)), (Long) rs.getObject("heroic_id"));
    }

    private static String escapeLike(String q) {
        return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
