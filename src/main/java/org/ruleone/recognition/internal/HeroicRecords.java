package org.ruleone.recognition.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.platform.Photos;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The heroics, their heroes, photo, thanks and comments as stored. Names come from associate_directory. */
@Repository
public class HeroicRecords {

    /** A heroic as stored, with its heroes (names and stores as the directory says now). */
    public record HeroicRow(long id, long reportedBy, String reporterName, LocalDate happenedOn, Long customerId,
                            Long caseId, String what, Instant reportedAt, boolean hasPhoto, List<HeroRow> heroes) {
    }

    /** A hero, with the store they worked in when the heroic was reported. */
    public record HeroRow(long associateId, String name, Long storeId) {
    }

    /** An internal comment. */
    public record CommentRow(long id, long authorId, String authorName, String body, Instant writtenAt) {
    }

    /** The photo as stored. */
    public record PhotoRow(String contentType, byte[] content) {
    }

    private static final String COLUMNS = """
            h.id, h.reported_by, coalesce(r.name, '') as reporter_name, h.happened_on, h.customer_id, h.case_id,
            h.what, h.reported_at, exists (select 1 from heroic_photo p where p.heroic_id = h.id) as has_photo
            """;

    private final JdbcClient jdbc;

    HeroicRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long reportedBy, LocalDate happenedOn, Long customerId, Long caseId, String what,
                       Instant reportedAt, List<HeroRow> heroes, Photos.Photo photo) {
        long id = jdbc.sql("""
                        insert into heroic (reported_by, happened_on, customer_id, case_id, what, reported_at)
                        values (:by, :on, :customer, :case, :what, :at) returning id
                        """)
                .param("by", reportedBy).param("on", happenedOn).param("customer", customerId)
                .param("case", caseId).param("what", what).param("at", Timestamp.from(reportedAt))
                .query(Long.class).single();
        for (HeroRow hero : heroes) {
            jdbc.sql("insert into heroic_hero (heroic_id, associate_id, store_id) values (:h, :a, :s)")
                    .param("h", id).param("a", hero.associateId()).param("s", hero.storeId()).update();
        }
        if (photo != null) {
            jdbc.sql("insert into heroic_photo (heroic_id, content_type, content, size) values (:h, :t, :c, :s)")
                    .param("h", id).param("t", photo.contentType()).param("c", photo.content())
                    .param("s", photo.content().length).update();
        }
        return id;
    }

    public Optional<HeroicRow> find(long id) {
        return withHeroes(jdbc.sql("select " + COLUMNS
                        + " from heroic h left join associate_directory r on r.id = h.reported_by where h.id = :id")
                .param("id", id).query((rs, n) -> read(rs)).list()).stream().findFirst();
    }

    /** A page of the feed, newest first: the heroics with a hero of this store, or all with no store. */
    public List<HeroicRow> feed(Optional<Long> storeId, int offset, int limit) {
        return withHeroes(jdbc.sql("select " + COLUMNS
                        + " from heroic h left join associate_directory r on r.id = h.reported_by"
                        + " where :store::bigint is null or exists (select 1 from heroic_hero x"
                        + "       where x.heroic_id = h.id and x.store_id = :store)"
                        + " order by h.reported_at desc, h.id desc offset :offset limit :limit")
                .param("store", storeId.orElse(null)).param("offset", offset).param("limit", limit)
                .query((rs, n) -> read(rs)).list());
    }

    /** The heroics for this client, newest first. */
    public List<HeroicRow> ofCustomer(long customerId, int limit) {
        return withHeroes(jdbc.sql("select " + COLUMNS
                        + " from heroic h left join associate_directory r on r.id = h.reported_by"
                        + " where h.customer_id = :customer order by h.happened_on desc, h.id desc limit :limit")
                .param("customer", customerId).param("limit", limit).query((rs, n) -> read(rs)).list());
    }

    /** The heroics this associate is a hero of, reported at or after {@code since}, newest first. */
    public List<HeroicRow> received(long associateId, Instant since, int limit) {
        return withHeroes(jdbc.sql("select " + COLUMNS
                        + " from heroic h left join associate_directory r on r.id = h.reported_by"
                        + " where h.reported_at >= :since and exists (select 1 from heroic_hero x"
                        + "       where x.heroic_id = h.id and x.associate_id = :a)"
                        + " order by h.reported_at desc, h.id desc limit :limit")
                .param("a", associateId).param("since", Timestamp.from(since)).param("limit", limit)
                .query((rs, n) -> read(rs)).list());
    }

    /** The heroics this associate reported, newest first. */
    public List<HeroicRow> given(long associateId, int limit) {
        return withHeroes(jdbc.sql("select " + COLUMNS
                        + " from heroic h left join associate_directory r on r.id = h.reported_by"
                        + " where h.reported_by = :a order by h.reported_at desc, h.id desc limit :limit")
                .param("a", associateId).param("limit", limit).query((rs, n) -> read(rs)).list());
    }

    /** How many heroics this associate received and gave. */
    public int[] counts(long associateId) {
        return jdbc.sql("""
                        select (select count(*) from heroic_hero where associate_id = :a),
                               (select count(*) from heroic where reported_by = :a)
                        """)
                .param("a", associateId).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    }

    public Optional<PhotoRow> photo(long heroicId) {
        return jdbc.sql("select content_type, content from heroic_photo where heroic_id = :h").param("h", heroicId)
                .query((rs, n) -> new PhotoRow(rs.getString(1), rs.getBytes(2))).optional();
    }

    /** Gives this person's thanks, or takes it back if they had given it; true when it is given now. */
    public boolean toggleThanks(long heroicId, long associateId, Instant at) {
        int removed = jdbc.sql("delete from heroic_thanks where heroic_id = :h and associate_id = :a")
                .param("h", heroicId).param("a", associateId).update();
        if (removed > 0) {
            return false;
        }
        jdbc.sql("""
                        insert into heroic_thanks (heroic_id, associate_id, thanked_at) values (:h, :a, :at)
                        on conflict do nothing
                        """)
                .param("h", heroicId).param("a", associateId).param("at", Timestamp.from(at)).update();
        return true;
    }

    /** Thanks per heroic, and whether this person gave theirs: {count, 1 or 0}. */
    public Map<Long, int[]> thanks(Collection<Long> heroicIds, long viewerId) {
        Map<Long, int[]> result = new LinkedHashMap<>();
        if (heroicIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        select heroic_id, count(*), bool_or(associate_id = :me) from heroic_thanks
                         where heroic_id = any(:ids) group by heroic_id
                        """)
                .param("ids", heroicIds.toArray(Long[]::new)).param("me", viewerId)
                .query(rs -> {
                    result.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getBoolean(3) ? 1 : 0});
                });
        return result;
    }

    public Map<Long, Integer> commentCounts(Collection<Long> heroicIds) {
        Map<Long, Integer> result = new LinkedHashMap<>();
        if (heroicIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select heroic_id, count(*) from heroic_comment where heroic_id = any(:ids) group by heroic_id")
                .param("ids", heroicIds.toArray(Long[]::new))
                .query(rs -> {
                    result.put(rs.getLong(1), rs.getInt(2));
                });
        return result;
    }

    public List<CommentRow> comments(long heroicId) {
        return jdbc.sql("""
                        select c.id, c.author_id, coalesce(a.name, ''), c.body, c.written_at from heroic_comment c
                          left join associate_directory a on a.id = c.author_id
                         where c.heroic_id = :h order by c.written_at, c.id
                        """)
                .param("h", heroicId)
                .query((rs, n) -> new CommentRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    public long addComment(long heroicId, long authorId, String body, Instant at) {
        return jdbc.sql("""
                        insert into heroic_comment (heroic_id, author_id, body, written_at)
                        values (:h, :a, :b, :at) returning id
                        """)
                .param("h", heroicId).param("a", authorId).param("b", body).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    private List<HeroicRow> withHeroes(List<HeroicRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<HeroRow>> heroes = new LinkedHashMap<>();
        jdbc.sql("""
                        select x.heroic_id, x.associate_id, coalesce(a.name, ''), x.store_id from heroic_hero x
                          left join associate_directory a on a.id = x.associate_id
                         where x.heroic_id = any(:ids) order by a.name, x.associate_id
                        """)
                .param("ids", rows.stream().map(HeroicRow::id).toArray(Long[]::new))
                .query(rs -> {
                    heroes.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                            .add(new HeroRow(rs.getLong(2), rs.getString(3), (Long) rs.getObject(4)));
                });
        return rows.stream().map(r -> new HeroicRow(r.id(), r.reportedBy(), r.reporterName(), r.happenedOn(),
                r.customerId(), r.caseId(), r.what(), r.reportedAt(), r.hasPhoto(),
                heroes.getOrDefault(r.id(), List.of()))).toList();
    }

    private static HeroicRow read(ResultSet rs) throws SQLException {
        return new HeroicRow(rs.getLong("id"), rs.getLong("reported_by"), rs.getString("reporter_name"),
                rs.getDate("happened_on").toLocalDate(), (Long) rs.getObject("customer_id"),
                (Long) rs.getObject("case_id"), rs.getString("what"), rs.getTimestamp("reported_at").toInstant(),
                rs.getBoolean("has_photo"), List.of());
    }
}
