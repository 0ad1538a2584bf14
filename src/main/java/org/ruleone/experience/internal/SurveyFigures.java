package org.ruleone.experience.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.ruleone.experience.SurveyChannel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures of the surveys: tallies per week or month, the comments and the follow-up cases, for a slice of
 * stores, associates, channels and days. Weeks, months and days are each store's own (V118 keeps the day of every
 * answer and invitation). Answers count on the day they were last saved; invitations on the day they were sent.
 * A whole store or chain is read from the counts per store and day (ADR 0097); a slice by associate or channel
 * from the answers themselves.
 */
@Component
public class SurveyFigures {

    /** How the trend groups the days. */
    public enum Grouping {
        WEEK, MONTH
    }

    /** Which comments to show, by the come-back score they came with. */
    public enum Band {
        PROMOTER, PASSIVE, DETRACTOR, UNHAPPY
    }

    /**
     * The slice asked for. {@code storeId} empty means every store: a caller limited to one store must set it.
     *
     * @param from first day, inclusive, in the store's time zone
     * @param to   last day, inclusive
     */
    public record Slice(Optional<Long> storeId, Optional<Long> associateId, Optional<SurveyChannel> channel,
                        LocalDate from, LocalDate to, Grouping grouping) {
    }

    /** A complete answer with a comment, as the comments list shows it. */
    public record Comment(long answerId, long storeId, Long associateId, SurveyChannel channel, Integer comeBack,
                          Integer satisfaction, String comment, Instant answeredAt, Long followUpCaseId) {
    }

    /** An answer that opened a follow-up case. */
    public record FollowUp(long answerId, long caseId, long storeId, Long associateId, Integer comeBack,
                           Integer satisfaction, String comment, Instant answeredAt) {
    }

    private final JdbcClient jdbc;

    SurveyFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One tally per week or month that had answers or invitations, by the first day of the week or month. */
    public Map<LocalDate, SurveyTally> trend(Slice slice) {
        return slice.associateId().isEmpty() && slice.channel().isEmpty() ? fromReadModel(slice) : fromAnswers(slice);
    }

    /** A whole store or every store: the counts per store and day, or per day for the chain, kept by V118. */
    private Map<LocalDate, SurveyTally> fromReadModel(Slice slice) {
        Map<LocalDate, SurveyTally> byBucket = new TreeMap<>();
        jdbc.sql("""
                select date_trunc('%s', day)::date as bucket, sum(complete) as complete, sum(partial) as partial,
                       sum(promoters) as promoters, sum(passives) as passives, sum(detractors) as detractors,
                       sum(satisfaction_count) as satisfaction_count, sum(satisfied) as satisfied,
                       sum(invitations_sent) as sent, sum(invitations_answered) as answered
                  from %s
                 where day between :from and :to%s
                 group by 1
                having sum(complete) + sum(partial) + sum(invitations_sent) > 0""".formatted(unit(slice),
                        slice.storeId().isPresent() ? "survey_figures_day" : "survey_figures_chain_day",
                        slice.storeId().isPresent() ? " and store_id = :store" : ""))
                .param("from", slice.from()).param("to", slice.to()).param("store", slice.storeId().orElse(null))
                .query(rs -> {
                    byBucket.put(rs.getObject("bucket", LocalDate.class), new SurveyTally(rs.getLong("complete"),
                            rs.getLong("partial"), rs.getLong("promoters"), rs.getLong("passives"),
                            rs.getLong("detractors"), rs.getLong("satisfaction_count"), rs.getLong("satisfied"),
                            rs.getLong("sent"), rs.getLong("answered")));
                });
        return byBucket;
    }

    /** A slice by associate or channel: counted from the answers and invitations themselves. */
    private Map<LocalDate, SurveyTally> fromAnswers(Slice slice) {
        Map<LocalDate, SurveyTally> byBucket = new TreeMap<>();
        Where answers = where(slice, "a", "answered");
        jdbc.sql("""
                select date_trunc('%s', a.answered_on)::date as bucket,
                       count(*) filter (where a.complete) as complete,
                       count(*) filter (where not a.complete) as partial,
                       count(*) filter (where a.complete and a.come_back >= 9) as promoters,
                       count(*) filter (where a.complete and a.come_back between 7 and 8) as passives,
                       count(*) filter (where a.complete and a.come_back <= 6) as detractors,
                       count(*) filter (where a.complete and a.satisfaction is not null) as satisfaction_count,
                       count(*) filter (where a.complete and a.satisfaction >= 4) as satisfied
                  from survey_answer a
                 where %s
                 group by 1""".formatted(unit(slice), answers.sql()))
                .params(answers.params())
                .query(rs -> {
                    byBucket.put(rs.getObject("bucket", LocalDate.class), new SurveyTally(rs.getLong("complete"),
                            rs.getLong("partial"), rs.getLong("promoters"), rs.getLong("passives"),
                            rs.getLong("detractors"), rs.getLong("satisfaction_count"), rs.getLong("satisfied"), 0, 0));
                });
        Where invitations = where(slice, "i", "sent");
        jdbc.sql("""
                select date_trunc('%s', i.sent_on)::date as bucket, count(*) as sent,
                       count(*) filter (where i.status = 'COMPLETED') as answered
                  from survey_invitation i
                 where %s
                 group by 1""".formatted(unit(slice), invitations.sql()))
                .params(invitations.params())
                .query(rs -> {
                    byBucket.merge(rs.getObject("bucket", LocalDate.class),
                            new SurveyTally(0, 0, 0, 0, 0, 0, 0, rs.getLong("sent"), rs.getLong("answered")),
                            SurveyTally::plus);
                });
        return byBucket;
    }

    private static String unit(Slice slice) {
        return slice.grouping().name().toLowerCase(Locale.ROOT);
    }

    /** Complete answers with a comment, newest first, a page at a time ({@code limit + 1} asked to tell "more"). */
    public List<Comment> comments(Slice slice, Optional<Band> band, Optional<String> word, int offset, int limit) {
        Where where = commented(slice, band, word);
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("offset", Math.max(0, offset));
        params.put("limit", limit);
        return jdbc.sql(where.sql() + " offset :offset limit :limit").params(params)
                .query((rs, n) -> comment(rs)).list();
    }

    /** Every complete answer with a comment of the slice, newest first, one at a time: for an export of any size. */
    public void eachComment(Slice slice, Optional<Band> band, Optional<String> word, Consumer<Comment> action) {
        Where where = commented(slice, band, word);
        jdbc.sql(where.sql()).params(where.params()).query(rs -> {
            action.accept(comment(rs));
        });
    }

    private static Where commented(Slice slice, Optional<Band> band, Optional<String> word) {
        Where where = where(slice, "a", "answered");
        StringBuilder sql = new StringBuilder("""
                select a.id, a.store_id, a.associate_id, a.channel, a.come_back, a.satisfaction, a.comment,
                       a.answered_at, a.follow_up_case_id
                  from survey_answer a
                 where a.complete and a.comment is not null and a.comment <> '' and """).append(' ').append(where.sql());
        Map<String, Object> params = new HashMap<>(where.params());
        band.ifPresent(b -> sql.append(switch (b) {
            case PROMOTER -> " and a.come_back >= 9";
            case PASSIVE -> " and a.come_back between 7 and 8";
            case DETRACTOR -> " and a.come_back <= 6";
            case UNHAPPY -> " and (a.come_back <= 6 or a.satisfaction <= 2)";
        }));
        word.map(String::strip).filter(w -> !w.isEmpty()).ifPresent(w -> {
            sql.append(" and a.comment ilike :word");
            params.put("word", "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        });
        sql.append(" order by a.answered_at desc, a.id desc");
        return new Where(sql.toString(), params);
    }

    private static Comment comment(ResultSet rs) throws SQLException {
        return new Comment(rs.getLong("id"), rs.getLong("store_id"), nullableLong(rs, "associate_id"),
                SurveyChannel.valueOf(rs.getString("channel")), nullableInt(rs, "come_back"),
                nullableInt(rs, "satisfaction"), rs.getString("comment"), rs.getTimestamp("answered_at").toInstant(),
                nullableLong(rs, "follow_up_case_id"));
    }

    /** Answers that opened a follow-up case, newest first. */
    /** The store and local day of the answer a follow-up case was opened for; empty if no answer has that case. */
    public Optional<AnswerDay> answerOfFollowUp(long caseId) {
        return jdbc.sql("select store_id, answered_on from survey_answer where follow_up_case_id = :case limit 1")
                .param("case", caseId)
                .query((rs, n) -> new AnswerDay(rs.getLong("store_id"), rs.getObject("answered_on", LocalDate.class)))
                .optional();
    }

    /** Where an answer sits on the figures page: its store and its day in that store's time zone. */
    public record AnswerDay(long storeId, LocalDate day) {
    }

    public List<FollowUp> followUps(Slice slice, int limit) {
        Where where = where(slice, "a", "answered");
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", limit);
        return jdbc.sql("""
                select a.id, a.follow_up_case_id, a.store_id, a.associate_id, a.come_back, a.satisfaction, a.comment,
                       a.answered_at
                  from survey_answer a
                 where a.follow_up_case_id is not null and %s
                 order by a.answered_at desc, a.id desc limit :limit""".formatted(where.sql()))
                .params(params)
                .query((rs, n) -> new FollowUp(rs.getLong("id"), rs.getLong("follow_up_case_id"), rs.getLong("store_id"),
                        nullableLong(rs, "associate_id"), nullableInt(rs, "come_back"), nullableInt(rs, "satisfaction"),
                        rs.getString("comment"), rs.getTimestamp("answered_at").toInstant()))
                .list();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    /**
     * The slice as SQL on the answers ({@code "answered"}) or the invitations ({@code "sent"}): the store's own days
     * (V118), and the time in UTC a day wider on each side, so the indexes on the time can be used.
     */
    private static Where where(Slice slice, String alias, String event) {
        boolean answers = event.equals("answered");
        String time = alias + "." + event + "_at";
        String day = alias + "." + event + "_on";
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        conditions.add(time + " >= :fromWide and " + time + " < :toWide");
        conditions.add(day + " between :from and :to");
        params.put("fromWide", Timestamp.from(slice.from().minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        params.put("toWide", Timestamp.from(slice.to().plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC)));
        params.put("from", slice.from());
        params.put("to", slice.to());
        slice.storeId().ifPresent(id -> {
            conditions.add(alias + ".store_id = :store");
            params.put("store", id);
        });
        slice.associateId().ifPresent(id -> {
            conditions.add(alias + ".associate_id = :associate");
            params.put("associate", id);
        });
        slice.channel().ifPresent(c -> {
            conditions.add(alias + (answers ? ".channel" : ".trigger") + " = :channel");
            params.put("channel", c.name());
        });
        return new Where(String.join(" and ", conditions), params);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
