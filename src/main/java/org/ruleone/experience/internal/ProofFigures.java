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
 * "Does experience bring them back?" counted in the database, set-based (ADR 0108): one grouped pass over the read
 * model {@code proof_first_experience} (each client's first experience of a kind and their next purchase, kept by
 * {@link ProofReadModel}) that counts every window at once. Resolutions come from service's {@code service_resolutions},
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
        jdbc.sql("""
                with answered_cases as (
                    select distinct case_id from service_resolutions
                ), heroes_of_client as (
                    select associate_id, customer_id, min(happened_on) as first_on
                      from recognition_heroic_links where customer_id is not null group by 1, 2
                ), heroes_of_case as (
                    select associate_id, case_id, min(happened_on) as first_on
                      from recognition_heroic_links where case_id is not null group by 1, 2
                ), flagged as (
                    select f.at, f.next_purchase_at as next_at,
                           case when f.come_back >= 9 then 'PROMOTER' when f.come_back >= 7 then 'PASSIVE'
                                when f.come_back is not null then 'DETRACTOR' end as band,
                           case when f.satisfaction >= 4 then 'SATISFIED'
                                when f.satisfaction <= 2 then 'DISSATISFIED' end as satisfaction,
                           r.case_id is not null as recovered,
                           case when f.associate_id is null then null
                                else coalesce(hc.first_on <= f.at::date, false)
                                     or coalesce(hk.first_on <= f.at::date, false) end as hero
                      from proof_first_experience f
                      left join answered_cases r on r.case_id = f.follow_up_case_id
                      left join heroes_of_client hc on hc.associate_id = f.associate_id
                                                   and hc.customer_id = f.customer_id
                      left join heroes_of_case hk on hk.associate_id = f.associate_id and hk.case_id = f.case_id
                     where f.kind = 'SURVEY' and f.at >= :from and f.at < :to%s
                )
                select band, satisfaction, recovered, hero, %s
                  from flagged
                 group by 1, 2, 3, 4""".formatted(filters(slice), windowCounts()))
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

    /** Resolutions: each client's first resolution, with a remedy or answered with nothing. */
    private void resolutions(Slice slice, Instant now, ProofTally tally) {
        Map<String, Object> params = params(slice, now);
        jdbc.sql("""
                select f.remedied, %s
                  from (select f.at, f.next_purchase_at as next_at, f.remedied
                          from proof_first_experience f
                         where f.kind = 'RESOLUTION' and f.at >= :from and f.at < :to%s) f
                 group by 1""".formatted(windowCounts(), filters(slice)))
                .params(params)
                .query(rs -> {
                    addWindows(rs, List.of(rs.getBoolean("remedied") ? ProofGroup.REMEDIED : ProofGroup.ANSWERED_ONLY),
                            tally);
                });
    }

    private static String filters(Slice slice) {
        return (slice.storeId().isPresent() ? " and f.store_id = :store" : "")
                + (slice.associateId().isPresent() ? " and f.associate_id = :associate" : "");
    }

    /**
     * For each window: clients whose window ended, those who came back within it, those left out. The window's end is
     * compared through {@code :cut_W} (now − W days, computed once) and the wait to the next purchase, never by adding
     * an interval to each row's time: that is a time-zone calculation per row and window, and most of the page's cost.
     */
    private static String windowCounts() {
        List<String> columns = new ArrayList<>();
        for (ProofWindow w : ProofWindow.values()) {
            String ended = "at <= :cut_" + w.days();
            columns.add("count(*) filter (where " + ended + ") as n_" + w.days());
            columns.add("count(*) filter (where " + ended + " and next_at - at <= interval '" + w.days()
                    + " days') as back_" + w.days());
            columns.add("count(*) filter (where not " + ended + ") as open_" + w.days());
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
        for (ProofWindow w : ProofWindow.values()) {
            params.put("cut_" + w.days(), Timestamp.from(now.minus(java.time.Duration.ofDays(w.days()))));
        }
        slice.storeId().ifPresent(id -> params.put("store", id));
        slice.associateId().ifPresent(id -> params.put("associate", id));
        return params;
    }
}
