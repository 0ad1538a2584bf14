package org.ruleone.recognition;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.recognition.internal.HeroicRecords;
import org.ruleone.recognition.internal.HeroicRecords.HeroicRow;
import org.ruleone.recognition.internal.HeroicRules;
import org.ruleone.shared.Language;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the legend library. A legend written in one language shows in that language to everyone; a seeded founding
 * story, written in every language, in the reader's (ADR 0105). The library lists the founding stories first, then
 * the chain's own, newest first. A manager of a hero's store or the owner marks a heroic as a legend; the owner also
 * writes one from scratch; either publishes {@link LegendMarked}.
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

    public static final int MAX_TITLE = 200;
    public static final int MAX_STORY = 8000;
    public static final int MAX_LESSON = 1000;

    private final JdbcClient jdbc;
    private final HeroicRecords heroics;
    private final Organization organization;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Legends(JdbcClient jdbc, HeroicRecords heroics, Organization organization, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.heroics = heroics;
        this.organization = organization;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Marks a heroic as a legend: its story is what the reporter wrote, with this title and lesson in this language.
     * Refused ({@link HeroicRefusedException}) when the person is neither the owner nor a manager of a hero's store,
     * when the heroic is a legend already, or when the title is missing or too long. Empty when there is no such
     * heroic.
     */
    @Transactional
    public Optional<Long> mark(long heroicId, long byAssociateId, String title, String lesson, Language language) {
        Optional<HeroicRow> heroic = heroics.find(heroicId);
        if (heroic.isEmpty()) {
            return Optional.empty();
        }
        AssociateSummary by = activeAssociate(byAssociateId);
        if (!HeroicRules.mayMarkLegend(heroic.get(), by.role(), by.storeId())) {
            throw new HeroicRefusedException("recognition.refused.legend");
        }
        if (ofHeroic(heroicId, language).isPresent()) {
            throw new HeroicRefusedException("recognition.refused.legendAlready");
        }
        return Optional.of(insert(heroicId, by.id(), title, heroic.get().what(), lesson, language));
    }

    /** The owner writes a legend from scratch. Refused when the person is not the owner or a text is wrong. */
    @Transactional
    public long write(long ownerId, String title, String story, String lesson, Language language) {
        AssociateSummary by = activeAssociate(ownerId);
        if (by.role() != Role.OWNER) {
            throw new HeroicRefusedException("recognition.refused.legendWrite");
        }
        return insert(null, by.id(), title, story, lesson, language);
    }

    private long insert(Long heroicId, long by, String title, String story, String lesson, Language language) {
        String t = title == null ? "" : title.strip();
        String s = story == null ? "" : story.strip();
        String l = lesson == null ? "" : lesson.strip();
        if (t.isEmpty() || t.length() > MAX_TITLE) {
            throw new HeroicRefusedException("recognition.refused.legendTitle");
        }
        if (s.isEmpty() || s.length() > MAX_STORY) {
            throw new HeroicRefusedException("recognition.refused.legendStory");
        }
        if (l.length() > MAX_LESSON) {
            throw new HeroicRefusedException("recognition.refused.legendLesson");
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into legend (heroic_id, marked_by, marked_at) values (:heroic, :by, :at)
                        on conflict (heroic_id) do nothing returning id
                        """)
                .param("heroic", heroicId).param("by", by).param("at", Timestamp.from(now))
                .query(Long.class).optional()
                .orElseThrow(() -> new HeroicRefusedException("recognition.refused.legendAlready"));
        jdbc.sql("""
                        insert into legend_text (legend_id, language, title, story, lesson)
                        values (:id, :language, :title, :story, :lesson)
                        """)
                .param("id", id).param("language", language.code()).param("title", t).param("story", s)
                .param("lesson", l).update();
        events.publishEvent(new LegendMarked(id, heroicId, t, language, by, now));
        return id;
    }

    private AssociateSummary activeAssociate(long id) {
        return organization.associate(id).filter(AssociateSummary::active)
                .orElseThrow(() -> new HeroicRefusedException("recognition.refused.reporter"));
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

    /** The legends marked from heroics this associate is a hero of, newest first. */
    public List<Legend> ofHero(long associateId, Language language) {
        return jdbc.sql("select * from (" + SHOWN + ") s where heroic_id in"
                        + " (select heroic_id from heroic_hero where associate_id = :a)"
                        + " order by s.marked_at desc, s.id desc limit " + LIMIT)
                .param("language", language.code()).param("a", associateId)
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
