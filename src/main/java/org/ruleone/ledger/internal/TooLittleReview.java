package org.ruleone.ledger.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.ledger.Apologies;
import org.ruleone.service.AuthorKind;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseMessage;
import org.ruleone.service.ServiceCase;
import org.ruleone.shared.Money;
import org.ruleone.standards.Breach;
import org.ruleone.standards.StandardBreaches;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cases where a customer may have got too little: resolved with no remedy (answered only, or nothing spent), a
 * second contact by the same client within 14 days of a resolution, or a missed standard with no apology in the
 * replies; and a client's unhappy survey answer that nobody followed up. Facts for a manager to coach with, never
 * a score.
 */
@Component
public class TooLittleReview {

    public static final Duration SECOND_CONTACT_WINDOW = Duration.ofDays(14);

    private final JdbcClient jdbc;
    private final CaseDesk desk;
    private final StandardBreaches breaches;

    TooLittleReview(JdbcClient jdbc, CaseDesk desk, StandardBreaches breaches) {
        this.jdbc = jdbc;
        this.desk = desk;
        this.breaches = breaches;
    }

    public enum Kind { NO_REMEDY, SECOND_CONTACT, REOPENED, BREACH_WITHOUT_APOLOGY }

    /**
     * One thing that happened. {@code at} is when; {@code since} the resolution it follows, or the due time of a
     * missed standard (the call's ringing time for the phone standard, which has no due time); {@code otherCaseId}
     * the later case; {@code associateId} who resolved or had the case; {@code detail} the resolution kind, the
     * standard or the later case's subject; {@code sameProblem} for a later case, the manager's judgement
     * ({@code null} until judged).
     */
    public record Finding(Kind kind, Instant at, Instant since, Long otherCaseId, Long associateId, String detail,
                          Money cost, String judgment, Boolean sameProblem) {

        /** Whether this finding counts in the figures: a later case only when judged the same problem. */
        public boolean counts() {
            return kind != Kind.SECOND_CONTACT || Boolean.TRUE.equals(sameProblem);
        }

        /** A later case judged another topic: set aside, not a sign of too little. */
        public boolean setAside() {
            return kind == Kind.SECOND_CONTACT && Boolean.FALSE.equals(sameProblem);
        }
    }

    /** A case to look at, with its findings oldest first. */
    public record Item(ServiceCase serviceCase, List<Finding> findings) {
    }

    public List<Item> since(Instant since, Optional<Long> store) {
        Map<Long, List<Finding>> found = new LinkedHashMap<>();
        jdbc.sql("""
                select case_id, resolved_at, associate_id, kind, cost, currency, judgment from ledger_spend
                 where resolved_at >= :since and (cast(:store as bigint) is null or store_id = :store)
                   and (kind = 'ANSWERED' or (cost = 0 and kind <> 'LOST_AND_FOUND'))
                """)
                .param("since", Timestamp.from(since)).param("store", store.orElse(null))
                .query((rs, n) -> add(found, rs.getLong(1), new Finding(Kind.NO_REMEDY, rs.getTimestamp(2).toInstant(),
                        null, null, rs.getLong(3), rs.getString(4), Money.of(rs.getBigDecimal(5), rs.getString(6)),
                        rs.getString(7), null)))
                .list();
        jdbc.sql("""
                select s.case_id, s.resolved_at, s.associate_id, c.case_id, c.opened_at, c.subject, j.same_problem
                  from ledger_spend s
                  join review_case c on c.customer_id = s.customer_id and c.case_id <> s.case_id
                   and c.opened_at > s.resolved_at and c.opened_at <= s.resolved_at + interval '14 days'
                  left join review_second_contact j on j.case_id = s.case_id and j.other_case_id = c.case_id
                 where s.resolved_at >= :since and (cast(:store as bigint) is null or s.store_id = :store)
                """)
                .param("since", Timestamp.from(since)).param("store", store.orElse(null))
                .query((rs, n) -> add(found, rs.getLong(1), new Finding(Kind.SECOND_CONTACT,
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(2).toInstant(), rs.getLong(4), rs.getLong(3),
                        rs.getString(6), null, null, (Boolean) rs.getObject(7))))
                .list();
        jdbc.sql("""
                select s.case_id, s.resolved_at, s.associate_id, r.at, r.by_customer
                  from ledger_spend s
                  join review_reopen r on r.case_id = s.case_id
                   and r.at > s.resolved_at and r.at <= s.resolved_at + interval '14 days'
                 where s.resolved_at >= :since and (cast(:store as bigint) is null or s.store_id = :store)
                """)
                .param("since", Timestamp.from(since)).param("store", store.orElse(null))
                .query((rs, n) -> add(found, rs.getLong(1), new Finding(Kind.REOPENED, rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(2).toInstant(), null, rs.getLong(3), rs.getBoolean(5) ? "CUSTOMER" : "ASSOCIATE",
                        null, null, null)))
                .list();
        Map<Long, ServiceCase> cases = new LinkedHashMap<>();
        for (Breach b : breaches.since(since, store, 1000)) {
            if (b.caseId() == null) {
                continue;
            }
            ServiceCase c = cases.computeIfAbsent(b.caseId(), id -> desk.find(id, store).orElse(null));
            if (c != null && !apologised(c)) {
                // The phone standard has no due time: the call itself (when it rang) is what was missed.
                add(found, b.caseId(), new Finding(Kind.BREACH_WITHOUT_APOLOGY, b.breachedAt(),
                        b.dueAt() != null ? b.dueAt() : b.breachedAt(), null, b.associateId(), b.standard().name(),
                        null, null, null));
            }
        }
        List<Item> items = new ArrayList<>();
        found.forEach((caseId, findings) -> {
            ServiceCase c = cases.computeIfAbsent(caseId, id -> desk.find(id, store).orElse(null));
            if (c != null) {
                findings.sort(Comparator.comparing(Finding::at));
                items.add(new Item(c, findings));
            }
        });
        items.sort(Comparator.comparing((Item i) -> i.findings().getLast().at()).reversed());
        return items;
    }

    /**
     * A client's unhappy survey answer (come back 0–6 or satisfaction 1–2) that nobody followed up with a case:
     * {@code associateId} who served (null: the store), {@code caseId} the case the survey followed, if any.
     */
    public record UnhappyAnswer(long answerId, long storeId, long customerId, Long associateId, String channel,
                                Integer comeBack, Integer satisfaction, String comment, Instant answeredAt,
                                Long caseId) {
    }

    /**
     * Unhappy answers since then with no follow-up case, newest first, read from the view experience publishes
     * (ADR 0089): an imported or anonymous answer never calls for one.
     */
    public List<UnhappyAnswer> unhappyWithoutFollowUp(Instant since, Optional<Long> store) {
        return jdbc.sql("""
                select answer_id, store_id, customer_id, associate_id, channel, come_back, satisfaction, comment,
                       answered_at, case_id
                  from survey_unhappy_answers
                 where follow_up_case_id is null and answered_at >= :since
                   and (cast(:store as bigint) is null or store_id = :store)
                 order by answered_at desc
                 limit 1000
                """)
                .param("since", Timestamp.from(since)).param("store", store.orElse(null))
                .query((rs, n) -> new UnhappyAnswer(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        (Long) rs.getObject(4), rs.getString(5), (Integer) rs.getObject(6), (Integer) rs.getObject(7),
                        rs.getString(8), rs.getTimestamp(9).toInstant(), (Long) rs.getObject(10)))
                .list();
    }

    /**
     * Records a manager's judgement of a client's later case: the same problem back, or another topic. Only a
     * later case of the same client within the window after a resolution of the case can be judged; returns false
     * for anything else (another store's case, an unrelated case).
     */
    public boolean judge(long caseId, long otherCaseId, boolean sameProblem, long associateId, Optional<Long> store,
                         Instant now) {
        boolean related = jdbc.sql("""
                select exists (
                    select 1 from ledger_spend s
                      join review_case c on c.customer_id = s.customer_id and c.case_id = :other
                       and c.opened_at > s.resolved_at and c.opened_at <= s.resolved_at + interval '14 days'
                     where s.case_id = :case and (cast(:store as bigint) is null or s.store_id = :store))
                """)
                .param("case", caseId).param("other", otherCaseId).param("store", store.orElse(null))
                .query(Boolean.class).single();
        if (!related) {
            return false;
        }
        jdbc.sql("""
                insert into review_second_contact (case_id, other_case_id, same_problem, judged_by, judged_at)
                values (:case, :other, :same, :by, :at)
                on conflict (case_id, other_case_id) do update
                   set same_problem = excluded.same_problem, judged_by = excluded.judged_by,
                       judged_at = excluded.judged_at
                """)
                .param("case", caseId).param("other", otherCaseId).param("same", sameProblem)
                .param("by", associateId).param("at", Timestamp.from(now)).update();
        return true;
    }

    /** True when any reply the customer saw apologises (notes for colleagues do not count). */
    static boolean apologised(ServiceCase c) {
        for (CaseMessage m : c.messages()) {
            if (m.author() == AuthorKind.ASSOCIATE && !m.internal() && Apologies.in(m.body())) {
                return true;
            }
        }
        return false;
    }

    private static int add(Map<Long, List<Finding>> found, long caseId, Finding finding) {
        found.computeIfAbsent(caseId, k -> new ArrayList<>()).add(finding);
        return 0;
    }
}
