package org.ruleone.experience.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.experience.MysteryAnswerType;
import org.ruleone.experience.MysteryItem;
import org.ruleone.experience.MysteryItemAnswer;
import org.ruleone.experience.MysteryNumberRule;
import org.ruleone.experience.MysteryScore;
import org.ruleone.experience.MysteryScoring;
import org.ruleone.experience.MysteryTexts;
import org.ruleone.experience.MysteryVisitStatus;
import org.ruleone.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mystery-shopping results (ADR 0102): the accepted visits' scores per store, department and month, each item's
 * figures across visits (the weakest first), the visits with their answers, and the visits to other businesses to
 * compare with. A visit counts on the day it was visited ({@code visited_at}, else submitted) in its store's time
 * zone; only ACCEPTED visits count in the figures.
 */
@Component
public class MysteryResults {

    /**
     * Which visits: one store or every store (empty; a caller limited to one store must set it), and the days they
     * were visited, inclusive, in each store's time zone.
     */
    public record Slice(Optional<Long> storeId, LocalDate from, LocalDate to) {
    }

    /** The accepted visits of one store (department null) or one department of it in one month. */
    public record Cell(long storeId, String department, LocalDate month, BigDecimal earned, BigDecimal possible,
                       long visits) {

        /** Earned over possible weight in percent; empty when every item was N/A. */
        public Optional<BigDecimal> percent() {
            return MysteryResults.percent(earned, possible);
        }
    }

    /** A visit as listed: where, who, when, which checklist and how it came out. */
    public record Visit(long id, long storeId, String department, String targetKind, String businessName,
                        String shopper, Instant visitedAt, String checklist, int version, MysteryVisitStatus status,
                        BigDecimal score, boolean flagged, String stoodOut) {
    }

    /** One stored answer with its item as the visit's checklist version had it, and what it earned there. */
    public record Answer(long visitId, MysteryItem item, String sectionEn, String sectionFr, String sectionPl,
                         MysteryItemAnswer answer, MysteryScore.Item result) {

        public String section(Language language) {
            return MysteryTexts.in(language, sectionEn, sectionFr, sectionPl);
        }
    }

    /**
     * One item (by its key, across versions) over many answers: the weight earned of the weight possible (N/A left
     * out), how many answered it, said N/A, failed it, and failed it where it was critical.
     */
    public record ItemFigure(String key, BigDecimal earned, BigDecimal possible, long answered, long na, long failed,
                             long criticalFailures) {

        public Optional<BigDecimal> percent() {
            return MysteryResults.percent(earned, possible);
        }

        /** These figures and {@code times} answers that came out as {@code r}. */
        ItemFigure plus(MysteryScore.Item r, long times) {
            boolean isNa = r.outcome() == MysteryScore.Outcome.NA;
            boolean fail = r.outcome() == MysteryScore.Outcome.FAILED;
            BigDecimal n = BigDecimal.valueOf(times);
            return new ItemFigure(key, earned.add(r.earned().multiply(n)), possible.add(r.possible().multiply(n)),
                    answered + (isNa ? 0 : times), na + (isNa ? times : 0), failed + (fail ? times : 0),
                    criticalFailures + (fail && r.critical() ? times : 0));
        }
    }

    /** An item's words from the latest version that has its key, and where it sits there (to order rows). */
    public record ItemWords(String key, String en, String fr, String pl, int sectionPosition, int position) {

        public String text(Language language) {
            return MysteryTexts.in(language, en, fr, pl);
        }
    }

    private static final String IN_SLICE = """
            v.status in (:statuses) and (coalesce(v.visited_at, v.submitted_at) at time zone
                coalesce(sd.time_zone, 'UTC'))::date between :from and :to
            """;

    /** Visits whose answers are read in one query: well under PostgreSQL's limit of bind parameters. */
    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    MysteryResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Optional<BigDecimal> percent(BigDecimal earned, BigDecimal possible) {
        return possible.signum() == 0 ? Optional.empty()
                : Optional.of(earned.multiply(BigDecimal.valueOf(100)).divide(possible, 2, RoundingMode.HALF_UP));
    }

    /**
     * The accepted visits to our stores per store and month, and per store, department and month (the visits
     * without a department count only in their store's line), from the scores as they were accepted.
     */
    public List<Cell> trend(Slice slice) {
        return jdbc.sql("""
                select store_id, department, month, sum(earned) as earned, sum(possible) as possible,
                       count(*) as visits
                  from (select v.store_id, v.department, v.earned, v.possible,
                               date_trunc('month', coalesce(v.visited_at, v.submitted_at) at time zone
                                   coalesce(sd.time_zone, 'UTC'))::date as month
                          from mystery_visit v left join store_directory sd on sd.id = v.store_id
                         where v.target_kind = 'OWN_STORE' and v.possible is not null and %s %s) accepted
                 group by grouping sets ((store_id, month), (store_id, department, month))
                 order by month, store_id, department nulls first""".formatted(IN_SLICE, storeCondition(slice)))
                .params(params(slice, List.of(MysteryVisitStatus.ACCEPTED)))
                .query((rs, n) -> new Cell(rs.getLong("store_id"), rs.getString("department"),
                        rs.getObject("month", LocalDate.class), rs.getBigDecimal("earned"),
                        rs.getBigDecimal("possible"), rs.getLong("visits")))
                .list().stream().filter(c -> c.department() == null || !c.department().isEmpty()).toList();
    }

    /** Visits submitted and waiting for the manager's review, whatever their day. */
    public long waiting(Optional<Long> storeId) {
        return jdbc.sql("select count(*) from mystery_visit where status = 'SUBMITTED'"
                        + (storeId.isPresent() ? " and store_id = :store" : ""))
                .param("store", storeId.orElse(null)).query(Long.class).single();
    }

    /**
     * The visits of the slice in these statuses, newest first: to our stores, to other businesses, or both (empty);
     * at most {@code limit}.
     */
    public List<Visit> visits(Slice slice, List<MysteryVisitStatus> statuses, Optional<Boolean> ownStore,
                              int limit) {
        return visits(slice, statuses, ownStore, false, limit);
    }

    /** The flagged accepted visits to our stores of the slice, newest first. */
    public List<Visit> flagged(Slice slice, int limit) {
        return visits(slice, List.of(MysteryVisitStatus.ACCEPTED), Optional.of(true), true, limit);
    }

    private List<Visit> visits(Slice slice, List<MysteryVisitStatus> statuses, Optional<Boolean> ownStore,
                               boolean flaggedOnly, int limit) {
        Map<String, Object> params = params(slice, statuses);
        params.put("limit", limit);
        String target = ownStore.map(own -> " and v.target_kind " + (own ? "=" : "<>") + " 'OWN_STORE'").orElse("")
                + (flaggedOnly ? " and v.flagged" : "");
        return jdbc.sql("""
                select v.id, v.store_id, v.department, v.target_kind, v.business_name, s.name as shopper,
                       coalesce(v.visited_at, v.submitted_at) as visited_at, c.name as checklist, cv.version,
                       v.status, v.score, v.flagged, v.stood_out
                  from mystery_visit v
                  left join store_directory sd on sd.id = v.store_id
                  join mystery_shopper s on s.id = v.shopper_id
                  join mystery_checklist_version cv on cv.id = v.checklist_version_id
                  join mystery_checklist c on c.id = cv.checklist_id
                 where %s %s %s
                 order by coalesce(v.visited_at, v.submitted_at) desc, v.id desc
                 limit :limit""".formatted(IN_SLICE, storeCondition(slice), target))
                .params(params)
                .query((rs, n) -> visit(rs))
                .list();
    }

    private static Visit visit(ResultSet rs) throws SQLException {
        Timestamp at = rs.getTimestamp("visited_at");
        return new Visit(rs.getLong("id"), rs.getLong("store_id"), rs.getString("department"),
                rs.getString("target_kind"), rs.getString("business_name"), rs.getString("shopper"),
                at == null ? null : at.toInstant(), rs.getString("checklist"), rs.getInt("version"),
                MysteryVisitStatus.valueOf(rs.getString("status")), rs.getBigDecimal("score"),
                rs.getBoolean("flagged"), rs.getString("stood_out"));
    }

    /** The stored answers of these visits, each with what it earned, in the order of their checklist. */
    public Map<Long, List<Answer>> answers(Collection<Long> visitIds) {
        Map<Long, List<Answer>> byVisit = new LinkedHashMap<>();
        if (visitIds.isEmpty()) {
            return byVisit;
        }
        List<Long> ids = List.copyOf(visitIds);
        for (int start = 0; start < ids.size(); start += CHUNK) {
            jdbc.sql(ANSWERS + " where a.visit_id in (:ids) order by a.visit_id, s.position, i.position")
                    .param("ids", ids.subList(start, Math.min(ids.size(), start + CHUNK)))
                    .query((rs, n) -> answer(rs))
                    .list()
                    .forEach(a -> byVisit.computeIfAbsent(a.visitId(), k -> new ArrayList<>()).add(a));
        }
        return byVisit;
    }

    /**
     * Each item's figures over the accepted visits of the slice, to our stores or to other businesses: the weakest
     * first (the lowest share earned, then the most critical failures, then the most failures); an item every
     * visit said N/A to comes last.
     */
    public List<ItemFigure> items(Slice slice, boolean ownStore) {
        Map<String, ItemFigure> byKey = new HashMap<>();
        // the same answer to the same item earns the same: each is scored once and counted as many times as given
        jdbc.sql("""
                select %s, a.na, a.value, count(*) as answers
                  from mystery_answer a
                  join mystery_item i on i.id = a.item_id
                  join mystery_visit v on v.id = a.visit_id
                  left join store_directory sd on sd.id = v.store_id
                 where %s %s and v.target_kind %s 'OWN_STORE'
                 group by i.id, a.na, a.value""".formatted(ITEM_COLUMNS, IN_SLICE, storeCondition(slice),
                        ownStore ? "=" : "<>"))
                .params(params(slice, List.of(MysteryVisitStatus.ACCEPTED)))
                .query(rs -> {
                    MysteryItem item = item(rs);
                    MysteryScore.Item result = MysteryScoring.score(List.of(item), Map.of(item.id(),
                            new MysteryItemAnswer(item.id(), rs.getBoolean("na"), rs.getBigDecimal("value"), "")))
                            .items().get(0);
                    if (result.outcome() != MysteryScore.Outcome.UNANSWERED) {
                        byKey.put(item.key(), byKey.getOrDefault(item.key(), new ItemFigure(item.key(),
                                BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0)).plus(result, rs.getLong("answers")));
                    }
                });
        return byKey.values().stream().sorted(WEAKEST_FIRST).toList();
    }

    static final Comparator<ItemFigure> WEAKEST_FIRST = Comparator
            .comparing((ItemFigure f) -> f.percent().isEmpty())
            .thenComparing(f -> f.percent().orElse(BigDecimal.ZERO))
            .thenComparing(ItemFigure::criticalFailures, Comparator.reverseOrder())
            .thenComparing(ItemFigure::failed, Comparator.reverseOrder())
            .thenComparing(ItemFigure::key);

    /** The words of these items from the latest checklist version having each key. */
    public Map<String, ItemWords> words(Collection<String> keys) {
        Map<String, ItemWords> words = new HashMap<>();
        if (keys.isEmpty()) {
            return words;
        }
        jdbc.sql("""
                select distinct on (i.item_key) i.item_key, i.text_en, i.text_fr, i.text_pl, s.position as section,
                       i.position
                  from mystery_item i join mystery_section s on s.id = i.section_id
                 where i.item_key in (:keys)
                 order by i.item_key, i.version_id desc""")
                .param("keys", keys)
                .query((rs, n) -> new ItemWords(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getInt(6)))
                .list()
                .forEach(w -> words.put(w.key(), w));
        return words;
    }

    private static final String ITEM_COLUMNS = """
            i.id, i.section_id, i.position, i.item_key, i.text_en, i.text_fr, i.text_pl, i.answer_type, i.weight,
            i.critical, i.na_allowed, i.number_rule, i.number_target, i.number_unit""";

    private static final String ANSWERS = """
            select a.visit_id, a.na, a.value, a.comment, %s, s.title_en, s.title_fr, s.title_pl
              from mystery_answer a
              join mystery_item i on i.id = a.item_id
              join mystery_section s on s.id = i.section_id
            """.formatted(ITEM_COLUMNS);

    private static MysteryItem item(ResultSet rs) throws SQLException {
        return new MysteryItem(rs.getLong("id"), rs.getLong("section_id"), rs.getInt("position"),
                rs.getString("item_key"), rs.getString("text_en"), rs.getString("text_fr"), rs.getString("text_pl"),
                MysteryAnswerType.valueOf(rs.getString("answer_type")), rs.getBigDecimal("weight"),
                rs.getBoolean("critical"), rs.getBoolean("na_allowed"),
                rs.getString("number_rule") == null ? null : MysteryNumberRule.valueOf(rs.getString("number_rule")),
                rs.getBigDecimal("number_target"), rs.getString("number_unit"));
    }

    private static Answer answer(ResultSet rs) throws SQLException {
        MysteryItem item = item(rs);
        MysteryItemAnswer answer = new MysteryItemAnswer(item.id(), rs.getBoolean("na"), rs.getBigDecimal("value"),
                rs.getString("comment"));
        MysteryScore.Item result = MysteryScoring.score(List.of(item), Map.of(item.id(), answer)).items().get(0);
        return new Answer(rs.getLong("visit_id"), item, rs.getString("title_en"), rs.getString("title_fr"),
                rs.getString("title_pl"), answer, result);
    }

    private static String storeCondition(Slice slice) {
        return slice.storeId().isPresent() ? " and v.store_id = :store" : "";
    }

    private static Map<String, Object> params(Slice slice, List<MysteryVisitStatus> statuses) {
        Map<String, Object> params = new HashMap<>();
        params.put("statuses", statuses.stream().map(Enum::name).toList());
        params.put("from", slice.from());
        params.put("to", slice.to());
        slice.storeId().ifPresent(s -> params.put("store", s));
        return params;
    }
}
