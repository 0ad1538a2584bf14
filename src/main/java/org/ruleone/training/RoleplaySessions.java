package org.ruleone.training;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roleplay sessions (ADR 0106): a manager sets one up with people of their store, each in one part; once its day has
 * come the watchers (and the customer player) score it, the played associate reflects, and the manager closes it.
 * Who sees a session: its people, its store's managers, the owner.
 */
@Service
public class RoleplaySessions {

    public static final int MAX_REFLECTION = 4000;

    private final JdbcClient jdbc;
    private final Organization organization;
    private final Scenarios scenarios;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RoleplaySessions(JdbcClient jdbc, Organization organization, Scenarios scenarios, Clock clock,
                     ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.scenarios = scenarios;
        this.clock = clock;
        this.events = events;
    }

    // ---- setting up

    @Transactional
    public long setUp(SessionDraft draft, SignedInAssociate by) {
        if (!by.isManagerOrOwner() || !by.mayActIn(draft.storeId())) {
            throw new SessionRefusedException("training.session.refused.notYourStore");
        }
        Scenario scenario = scenarios.find(draft.scenarioId())
                .orElseThrow(() -> new SessionRefusedException("training.session.refused.noScenario"));
        if (draft.plannedOn() == null) {
            throw new SessionRefusedException("training.session.refused.noDate");
        }
        if (draft.watchers().isEmpty()) {
            throw new SessionRefusedException("training.session.refused.noWatcher");
        }
        List<Long> everyone = new ArrayList<>(List.of(draft.customerPlayer(), draft.associatePlayer()));
        everyone.addAll(draft.watchers());
        if (new HashSet<>(everyone).size() != everyone.size()) {
            throw new SessionRefusedException("training.session.refused.twoParts");
        }
        for (long person : everyone) {
            boolean ofTheStore = organization.associate(person)
                    .filter(a -> a.active() && a.storeId() != null && a.storeId() == draft.storeId()).isPresent();
            if (!ofTheStore) {
                throw new SessionRefusedException("training.session.refused.notOfTheStore");
            }
        }
        long id = jdbc.sql("""
                insert into training_session (scenario_id, store_id, planned_on, customer_player, associate_player,
                                              set_up_by, created_at)
                values (:scenario, :store, :on, :customer, :associate, :by, :now)
                returning id
                """)
                .param("scenario", scenario.id()).param("store", draft.storeId())
                .param("on", Date.valueOf(draft.plannedOn())).param("customer", draft.customerPlayer())
                .param("associate", draft.associatePlayer()).param("by", by.id())
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        for (long watcher : draft.watchers()) {
            jdbc.sql("insert into training_watcher (session_id, associate_id) values (:id, :who)")
                    .param("id", id).param("who", watcher).update();
        }
        for (Criterion c : scenario.rubric()) {
            jdbc.sql("""
                    insert into training_session_criterion (session_id, position, name, at_one, at_five)
                    values (:id, :position, :name, :one, :five)
                    """)
                    .param("id", id).param("position", c.position()).param("name", c.name())
                    .param("one", c.atOne()).param("five", c.atFive()).update();
        }
        return id;
    }

    // ---- reading

    /** Whether this person may see this session: its people, its store's managers, the owner. */
    public static boolean maySee(RoleplaySession session, SignedInAssociate me) {
        return me.isOwner() || managerOf(session, me) || session.partOf(me.id()) != Part.NONE;
    }

    /** Whether this person runs the session: the owner, or a manager of its store. */
    public static boolean mayRun(RoleplaySession session, SignedInAssociate me) {
        return me.isOwner() || managerOf(session, me);
    }

    private static boolean managerOf(RoleplaySession session, SignedInAssociate me) {
        return me.role() == Role.MANAGER && me.storeId() != null && me.storeId() == session.storeId()
                && me.active();
    }

    /** The session if this person may see it. */
    public Optional<RoleplaySession> find(long id, SignedInAssociate me) {
        return find(id).filter(s -> maySee(s, me));
    }

    Optional<RoleplaySession> find(long id) {
        return jdbc.sql("""
                select s.*, sc.title from training_session s join training_scenario sc on sc.id = s.scenario_id
                 where s.id = :id
                """)
                .param("id", id).query((rs, n) -> session(rs)).optional()
                .map(this::complete);
    }

    /** The sessions this person may see, newest first: everyone's for the owner, the store's for a manager. */
    public List<RoleplaySession> visibleTo(SignedInAssociate me, int limit) {
        boolean manager = me.role() == Role.MANAGER;
        return jdbc.sql("""
                select s.*, sc.title from training_session s join training_scenario sc on sc.id = s.scenario_id
                 where :owner
                    or (:manager and s.store_id = :store)
                    or s.customer_player = :me or s.associate_player = :me
                    or exists (select 1 from training_watcher w where w.session_id = s.id and w.associate_id = :me)
                 order by s.planned_on desc, s.id desc
                 limit :limit
                """)
                .param("owner", me.isOwner()).param("manager", manager).param("store", me.storeId())
                .param("me", me.id()).param("limit", limit)
                .query((rs, n) -> session(rs)).list().stream().map(this::complete).toList();
    }

    /** Every feedback on a session; the caller leaves out what the reader may not see. */
    public List<Feedback> feedbackOn(long sessionId) {
        Map<Long, Map<Integer, Integer>> scores = new HashMap<>();
        jdbc.sql("""
                select sc.feedback_id, sc.position, sc.score from training_score sc
                  join training_feedback f on f.id = sc.feedback_id where f.session_id = :id
                """)
                .param("id", sessionId)
                .query(rs -> {
                    scores.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getInt(2), rs.getInt(3));
                });
        return jdbc.sql("select * from training_feedback where session_id = :id order by given_at, id")
                .param("id", sessionId)
                .query((rs, n) -> new Feedback(rs.getLong("id"), sessionId, rs.getLong("scorer_id"),
                        Part.valueOf(rs.getString("part")), scores.getOrDefault(rs.getLong("id"), Map.of()),
                        rs.getString("comment"), rs.getTimestamp("given_at").toInstant()))
                .list();
    }

    /** What a reader sees of a session's feedback: all of it for the played associate and those who run it. */
    public List<Feedback> feedbackSeenBy(RoleplaySession session, SignedInAssociate me) {
        List<Feedback> all = feedbackOn(session.id());
        if (mayRun(session, me) || session.partOf(me.id()) == Part.ASSOCIATE) {
            return all;
        }
        return all.stream().filter(f -> f.scorerId() == me.id()).toList();
    }

    // ---- after the session

    /** The day in the session's store, by which a session is held or not. */
    public LocalDate today(long storeId) {
        ZoneId zone = organization.store(storeId).map(StoreSummary::timeZone).orElse(ZoneOffset.UTC);
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /**
     * Saves this person's scores (every rubric position, 1 to 5) and comment, or replaces the ones they gave, until
     * the session is closed. The caller checked the session is visible to them.
     */
    @Transactional
    public FeedbackOutcome giveFeedback(long sessionId, SignedInAssociate me, Map<Integer, Integer> scores,
                                        String comment) {
        RoleplaySession session = find(sessionId, me).orElseThrow();
        Part part = session.partOf(me.id());
        if (part == Part.ASSOCIATE) {
            return FeedbackOutcome.CANNOT_SCORE_THEMSELVES;
        }
        if (part != Part.WATCHER && part != Part.CUSTOMER) {
            return FeedbackOutcome.NOT_A_SCORER;
        }
        Optional<FeedbackOutcome> timing = timing(session);
        if (timing.isPresent()) {
            return timing.get();
        }
        String text = comment == null ? "" : comment.strip();
        boolean complete = session.rubric().stream().allMatch(c -> {
            Integer score = scores.get(c.position());
            return score != null && score >= 1 && score <= 5;
        });
        if (!complete || scores.size() != session.rubric().size() || text.length() > Feedback.MAX_COMMENT) {
            return FeedbackOutcome.INVALID;
        }
        Timestamp now = Timestamp.from(clock.instant());
        long feedbackId = jdbc.sql("""
                insert into training_feedback (session_id, scorer_id, part, comment, given_at, updated_at)
                values (:session, :me, :part, :comment, :now, :now)
                on conflict (session_id, scorer_id) do update set comment = excluded.comment, updated_at = excluded.updated_at
                returning id
                """)
                .param("session", sessionId).param("me", me.id()).param("part", part.name()).param("comment", text)
                .param("now", now).query(Long.class).single();
        jdbc.sql("delete from training_score where feedback_id = :id").param("id", feedbackId).update();
        scores.forEach((position, score) -> jdbc.sql("""
                insert into training_score (feedback_id, position, score) values (:id, :position, :score)
                """).param("id", feedbackId).param("position", position).param("score", score).update());
        events.publishEvent(new RoleplayFeedbackGiven(feedbackId, sessionId, session.storeId(),
                session.associatePlayer(), me.id(), scores, now.toInstant()));
        return FeedbackOutcome.SAVED;
    }

    @Transactional
    public FeedbackOutcome reflect(long sessionId, SignedInAssociate me, String reflection) {
        RoleplaySession session = find(sessionId, me).orElseThrow();
        if (session.partOf(me.id()) != Part.ASSOCIATE) {
            return FeedbackOutcome.NOT_THE_PLAYED_ASSOCIATE;
        }
        Optional<FeedbackOutcome> timing = timing(session);
        if (timing.isPresent()) {
            return timing.get();
        }
        String text = reflection == null ? "" : reflection.strip();
        if (text.isEmpty() || text.length() > MAX_REFLECTION) {
            return FeedbackOutcome.INVALID;
        }
        jdbc.sql("update training_session set reflection = :text, reflected_at = :now where id = :id")
                .param("text", text).param("now", Timestamp.from(clock.instant())).param("id", sessionId).update();
        return FeedbackOutcome.SAVED;
    }

    /** Closes a held session: feedback can no longer change. False when this person does not run it. */
    @Transactional
    public boolean close(long sessionId, SignedInAssociate me) {
        Optional<RoleplaySession> session = find(sessionId, me).filter(s -> mayRun(s, me));
        if (session.isEmpty()) {
            return false;
        }
        jdbc.sql("update training_session set closed_at = :now where id = :id and closed_at is null")
                .param("now", Timestamp.from(clock.instant())).param("id", sessionId).update();
        return true;
    }

    private Optional<FeedbackOutcome> timing(RoleplaySession session) {
        if (session.closed()) {
            return Optional.of(FeedbackOutcome.CLOSED);
        }
        if (!session.heldBy(today(session.storeId()))) {
            return Optional.of(FeedbackOutcome.NOT_YET_HELD);
        }
        return Optional.empty();
    }

    // ---- progress

    /** A held session the associate played, with the mean of every score given and how many gave them. */
    public record SessionScore(long sessionId, LocalDate plannedOn, String scenarioTitle, Double mean,
                               int feedbackCount) {
    }

    /** A comment given on a session the associate played. */
    public record Comment(long sessionId, LocalDate plannedOn, String scenarioTitle, long scorerId, Part part,
                          String text) {
    }

    /** Who may see an associate's progress: themselves, a manager of their store, the owner. */
    public static boolean maySeeProgress(AssociateSummary associate, SignedInAssociate me) {
        return me.id() == associate.id() || me.isOwner() || (me.role() == Role.MANAGER && me.storeId() != null
                && me.storeId().equals(associate.storeId()));
    }

    /** The sessions the associate played whose day has come, oldest first. */
    public List<SessionScore> scoresOf(long associateId) {
        return jdbc.sql("""
                select s.id, s.planned_on, sc.title, s.store_id, avg(x.score) as mean, count(distinct f.id) as given
                  from training_session s
                  join training_scenario sc on sc.id = s.scenario_id
                  left join training_feedback f on f.session_id = s.id
                  left join training_score x on x.feedback_id = f.id
                 where s.associate_player = :id
                 group by s.id, s.planned_on, sc.title, s.store_id
                 order by s.planned_on, s.id
                """)
                .param("id", associateId)
                .query((rs, n) -> Map.entry(rs.getLong("store_id"), new SessionScore(rs.getLong("id"),
                        rs.getDate("planned_on").toLocalDate(), rs.getString("title"),
                        rs.getObject("mean") == null ? null : rs.getDouble("mean"), rs.getInt("given"))))
                .list().stream()
                .filter(e -> !e.getValue().plannedOn().isAfter(today(e.getKey())))
                .map(Map.Entry::getValue).toList();
    }

    public List<Comment> commentsOn(long associateId) {
        return jdbc.sql("""
                select s.id, s.planned_on, sc.title, f.scorer_id, f.part, f.comment
                  from training_feedback f
                  join training_session s on s.id = f.session_id
                  join training_scenario sc on sc.id = s.scenario_id
                 where s.associate_player = :id and f.comment <> ''
                 order by s.planned_on desc, f.given_at desc
                """)
                .param("id", associateId)
                .query((rs, n) -> new Comment(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3),
                        rs.getLong(4), Part.valueOf(rs.getString(5)), rs.getString(6)))
                .list();
    }

    /** How many held sessions the associate played and watched, for their profile. */
    public record Counts(int played, int watched) {
    }

    public Counts countsOf(long associateId) {
        int played = scoresOf(associateId).size();
        long watched = jdbc.sql("""
                select s.store_id, s.planned_on from training_watcher w join training_session s on s.id = w.session_id
                 where w.associate_id = :id
                """)
                .param("id", associateId)
                .query((rs, n) -> !rs.getDate(2).toLocalDate().isAfter(today(rs.getLong(1))))
                .list().stream().filter(held -> held).count();
        return new Counts(played, (int) watched);
    }

    // ---- rows

    private static RoleplaySession session(ResultSet rs) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new RoleplaySession(rs.getLong("id"), rs.getLong("scenario_id"), rs.getString("title"),
                rs.getLong("store_id"), rs.getDate("planned_on").toLocalDate(), rs.getLong("customer_player"),
                rs.getLong("associate_player"), List.of(), List.of(), rs.getString("reflection"),
                closed == null ? null : closed.toInstant());
    }

    private RoleplaySession complete(RoleplaySession s) {
        List<Long> watchers = jdbc.sql("select associate_id from training_watcher where session_id = :id order by associate_id")
                .param("id", s.id()).query(Long.class).list();
        List<Criterion> rubric = jdbc.sql("select * from training_session_criterion where session_id = :id order by position")
                .param("id", s.id())
                .query((rs, n) -> new Criterion(rs.getInt("position"), rs.getString("name"), rs.getString("at_one"),
                        rs.getString("at_five")))
                .list();
        return new RoleplaySession(s.id(), s.scenarioId(), s.scenarioTitle(), s.storeId(), s.plannedOn(),
                s.customerPlayer(), s.associatePlayer(), watchers, rubric, s.reflection(), s.closedAt());
    }
}
