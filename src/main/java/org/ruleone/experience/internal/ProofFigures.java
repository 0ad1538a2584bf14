package org.ruleone.experience.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Does experience bring them back?" counted in the database, set-based (ADR 0108): each client's first experience
 * of the slice, the first purchase after it (through purchases' published {@code purchase_client_dates}), and one
 * grouped pass that counts every window at once. Resolutions come from service's {@code service_resolutions},
 * heroes from recognition's {@code recognition_heroic_links}.
 */
@Component
public class ProofFigures {

    /**
     * The experiences asked for: those of a store (empty: every store, a caller limited to one store must set it),
     * of an associate who served, between two days (UTC, inclusive).
     */
    public record Slice(Optional<Long> storeId, Optional<Long> associateId, LocalDate from, LocalDate to) {
    }

    /** Each client's first purchase after their experience, up to the longest window (read once for all). */
    private static final String BACK = """
            back as (
                    select f.customer_id, min(p.purchased_at) as next_at
                      from firsts f
                      join purchase_client_dates p on p.customer_id = f.customer_id
                     where p.purchased_at > f.at and p.purchased_at <= f.at + interval '365 days'
                     group by f.customer_id
                )""";

    private final JdbcClient jdbc;

    ProofFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ProofTally tally(Slice slice, Instant now) {
        ProofTally tally = new ProofTally();
        surveys(slice, now, tally);
        resolutions(slice, now, tally);
        return tally;
    }

    /** Survey answers: band, satisfaction, recovery of detractors and heroes, from each client's first answer. */
    private void surveys(Slice slice, Instant now, ProofTally tally) {
        Map<String, Object> params = params(slice, now);
        String filters = (slice.storeId().isPresent() ? " and a.store_id = :store" : "")
                + (slice.associateId().isPresent() ? " and a.associate_id = :associate" : "");
        jdbc.sql("""
                with firsts as (
                    select distinct on (a.customer_id) a.customer_id, a.answered_at as at, a.associate_id, a.case_id,
                           a.come_back, a.satisfaction, a.follow_up_case_id
                      from survey_answer a
                     where a.complete and a.customer_id is not null
                       and a.answered_at >= :from and a.answered_at < :to%s
                     order by a.customer_id, a.answered_at, a.id
                ), %s, answered_cases as (
                    select distinct case_id from service_resolutions
                ), heroes_of_client as (
                    select associate_id, customer_id, min(happened_on) as first_on
                      from recognition_heroic_links where customer_id is not null group by 1, 2
                ), heroes_of_case as (
                    select associate_id, case_id, min(happened_on) as first_on
                      from recognition_heroic_links where case_id is not null group by 1, 2
                ), flagged as (
                    select f.at, b.next_at,
                           case when f.come_back >= 9 then 'PROMOTER' when f.come_back >= 7 then 'PASSIVE'
                                when f.come_back is not null then 'DETRACTOR' end as band,
                           case when f.satisfaction >= 4 then 'SATISFIED'
                                when f.satisfaction <= 2 then 'DISSATISFIED' end as satisfaction,
                           r.case_id is not null as recovered,
                           case when f.associate_id is null then null
                                else coalesce(hc.first_on <= f.at::date, false)
                                     or coalesce(hk.first_on <= f.at::date, false) end as hero
                      from firsts f
                      left join back b on b.customer_id = f.customer_id
                      left join answered_cases r on r.case_id = f.follow_up_case_id
                      left join heroes_of_client hc on hc.associate_id = f.associate_id
                                                   and hc.customer_id = f.customer_id
                      left join heroes_of_case hk on hk.associate_id = f.associate_id and hk.case_id = f.case_id
                )
                select band, satisfaction, recovered, hero, %s
                  from flagged
                 group by 1, 2, 3, 4""".formatted(filters, BACK, windowCounts()))
                .params(params)
                .query(rs -> {
                    List<ProofGroup> groups = new ArrayList<>();
                    String band = rs.getString("band");
                    if (band != null) {
                        groups.add(ProofGroup.valueOf(band));
                        if (band.equals("DETRACTOR")) {
                            groups.add(rs.getBoolean("recovered") ? ProofGroup.RECOVERED : ProofGroup.NOT_RECOVERED);
                        }
                    }
                    String satisfaction = rs.getString("satisfaction");
                    if (satisfaction != null) {
                        groups.add(ProofGroup.valueOf(satisfaction));
                    }
                    boolean hero = rs.getBoolean("hero");
                    if (!rs.wasNull()) {
                        groups.add(hero ? ProofGroup.HERO : ProofGroup.NO_HERO);
                    }
                    addWindows(rs, groups, tally);
                });
    }

    /** Resolutions: each client's first resolution of the slice, with a remedy or answered with nothing. */
    private void resolutions(Slice slice, Instant now, ProofTally tally) {
        Map<String, Object> params = params(slice, now);
        String filters = (slice.storeId().isPresent() ? " and r.store_id = :store" : "")
                + (slice.associateId().isPresent() ? " and r.associate_id = :associate" : "");
        jdbc.sql("""
                with firsts as (
                    select distinct on (r.customer_id) r.customer_id, r.resolved_at as at,
                           (r.kind <> 'ANSWERED' or r.cost > 0) as remedied
                      from service_resolutions r
                     where r.resolved_at >= :from and r.resolved_at < :to%s
                     order by r.customer_id, r.resolved_at, r.case_id
                ), %s, flagged as (
                    select f.at, b.next_at, f.remedied
                      from firsts f left join back b on b.customer_id = f.customer_id
                )
                select remedied, %s
                  from flagged
                 group by 1""".formatted(filters, BACK, windowCounts()))
                .params(params)
                .query(rs -> {
                    addWindows(rs, List.of(rs.getBoolean("remedied") ? ProofGroup.REMEDIED : ProofGroup.ANSWERED_ONLY),
                            tally);
                });
    }

    /** For each window: clients whose window ended, those who came back within it, those left out. */
    private static String windowCounts() {
        List<String> columns = new ArrayList<>();
        for (ProofWindow w : ProofWindow.values()) {
            String end = "at + interval '" + w.days() + " days'";
            columns.add("count(*) filter (where " + end + " <= :now) as n_" + w.days());
            columns.add("count(*) filter (where " + end + " <= :now and next_at <= " + end + ") as back_" + w.days());
            columns.add("count(*) filter (where " + end + " > :now) as open_" + w.days());
        }
        return String.join(", ", columns);
    }

    private static void addWindows(java.sql.ResultSet rs, List<ProofGroup> groups, ProofTally tally)
            throws java.sql.SQLException {
        for (ProofWindow w : ProofWindow.values()) {
            tally.add(w, groups, new ProofTally.Cell(rs.getLong("n_" + w.days()), rs.getLong("back_" + w.days()),
                    rs.getLong("open_" + w.days())));
        }
    }

    private static Map<String, Object> params(Slice slice, Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", Timestamp.from(slice.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
        params.put("to", Timestamp.from(slice.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        params.put("now", Timestamp.from(now));
        slice.storeId().ifPresent(id -> params.put("store", id));
        slice.associateId().ifPresent(id -> params.put("associate", id));
        return params;
    }
}
