package org.ruleone.training;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ruleone.organization.SignedInAssociate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scenario library, chain-wide: everyone reads it; a manager writes scenarios and edits those of their store,
 * the owner any (ADR 0106).
 */
@Service
public class Scenarios {

    private final JdbcClient jdbc;
    private final Clock clock;

    Scenarios(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What is wrong with a draft, as message keys; empty when it may be saved. */
    public static List<String> problems(ScenarioDraft draft) {
        List<String> problems = new ArrayList<>();
        if (blankOrLonger(draft.title(), ScenarioDraft.MAX_TITLE)) {
            problems.add("training.scenario.problem.title");
        }
        if (blankOrLonger(draft.situation(), ScenarioDraft.MAX_TEXT)
                || blankOrLonger(draft.customerPart(), ScenarioDraft.MAX_TEXT)
                || blankOrLonger(draft.goodLooksLike(), ScenarioDraft.MAX_TEXT)) {
            problems.add("training.scenario.problem.text");
        }
        if (draft.rubric().isEmpty()) {
            problems.add("training.scenario.problem.noCriterion");
        } else if (draft.rubric().stream().anyMatch(c -> blankOrLonger(c.name(), Criterion.MAX_NAME)
                || blankOrLonger(c.atOne(), Criterion.MAX_DESCRIPTION)
                || blankOrLonger(c.atFive(), Criterion.MAX_DESCRIPTION))) {
            problems.add("training.scenario.problem.criterion");
        }
        return problems;
    }

    private static boolean blankOrLonger(String text, int max) {
        return text == null || text.isBlank() || text.strip().length() > max;
    }

    public static boolean mayWrite(SignedInAssociate me) {
        return me.isManagerOrOwner();
    }

    public static boolean mayEdit(Scenario scenario, SignedInAssociate me) {
        return me.isOwner() || (me.isManagerOrOwner() && me.storeId() != null
                && me.storeId().equals(scenario.storeId()));
    }

    public List<Scenario> all() {
        List<Scenario> scenarios = jdbc.sql("select * from training_scenario order by title, id")
                .query((rs, n) -> scenario(rs, List.of())).list();
        Map<Long, List<Criterion>> rubrics = jdbc.sql("select * from training_criterion order by scenario_id, position")
                .query((rs, n) -> Map.entry(rs.getLong("scenario_id"), criterion(rs))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return scenarios.stream().map(s -> withRubric(s, rubrics.getOrDefault(s.id(), List.of()))).toList();
    }

    public Optional<Scenario> find(long id) {
        return jdbc.sql("select * from training_scenario where id = :id").param("id", id)
                .query((rs, n) -> scenario(rs, List.of())).optional()
                .map(s -> withRubric(s, rubric(id)));
    }

    @Transactional
    public long create(ScenarioDraft draft, SignedInAssociate by) {
        check(draft);
        if (!mayWrite(by)) {
            throw new IllegalStateException("Only a manager or the owner writes scenarios");
        }
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                insert into training_scenario (title, situation, customer_part, good_looks_like, origin, origin_id,
                                               store_id, created_by, created_at, updated_at)
                values (:title, :situation, :customerPart, :good, :origin, :originId, :store, :by, :now, :now)
                returning id
                """)
                .params(texts(draft)).param("origin", draft.origin().name()).param("originId", draft.originId())
                .param("store", by.storeId()).param("by", by.id()).param("now", now)
                .query(Long.class).single();
        saveRubric(id, draft.rubric());
        return id;
    }

    /** Saves an edit; false when there is no such scenario or this person may not edit it. */
    @Transactional
    public boolean update(long id, ScenarioDraft draft, SignedInAssociate by) {
        check(draft);
        if (find(id).filter(s -> mayEdit(s, by)).isEmpty()) {
            return false;
        }
        jdbc.sql("""
                update training_scenario set title = :title, situation = :situation, customer_part = :customerPart,
                       good_looks_like = :good, updated_at = :now where id = :id
                """)
                .params(texts(draft)).param("now", Timestamp.from(clock.instant())).param("id", id).update();
        jdbc.sql("delete from training_criterion where scenario_id = :id").param("id", id).update();
        saveRubric(id, draft.rubric());
        return true;
    }

    private static void check(ScenarioDraft draft) {
        List<String> problems = problems(draft);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Scenario refused: " + problems);
        }
    }

    private void saveRubric(long scenarioId, List<Criterion> rubric) {
        int position = 1;
        for (Criterion c : rubric) {
            jdbc.sql("""
                    insert into training_criterion (scenario_id, position, name, at_one, at_five)
                    values (:id, :position, :name, :one, :five)
                    """)
                    .param("id", scenarioId).param("position", position++).param("name", c.name().strip())
                    .param("one", c.atOne().strip()).param("five", c.atFive().strip()).update();
        }
    }

    List<Criterion> rubric(long scenarioId) {
        return jdbc.sql("select * from training_criterion where scenario_id = :id order by position")
                .param("id", scenarioId).query((rs, n) -> criterion(rs)).list();
    }

    private static Map<String, Object> texts(ScenarioDraft d) {
        return Map.of("title", d.title().strip(), "situation", d.situation().strip(),
                "customerPart", d.customerPart().strip(), "good", d.goodLooksLike().strip());
    }

    private static Criterion criterion(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Criterion(rs.getInt("position"), rs.getString("name"), rs.getString("at_one"),
                rs.getString("at_five"));
    }

    private static Scenario scenario(java.sql.ResultSet rs, List<Criterion> rubric) throws java.sql.SQLException {
        return new Scenario(rs.getLong("id"), rs.getString("title"), rs.getString("situation"),
                rs.getString("customer_part"), rs.getString("good_looks_like"),
                ScenarioOrigin.valueOf(rs.getString("origin")), (Long) rs.getObject("origin_id"),
                (Long) rs.getObject("store_id"), rs.getLong("created_by"),
                rs.getTimestamp("updated_at").toInstant(), rubric);
    }

    private static Scenario withRubric(Scenario s, List<Criterion> rubric) {
        return new Scenario(s.id(), s.title(), s.situation(), s.customerPart(), s.goodLooksLike(), s.origin(),
                s.originId(), s.storeId(), s.createdBy(), s.updatedAt(), rubric);
    }
}
