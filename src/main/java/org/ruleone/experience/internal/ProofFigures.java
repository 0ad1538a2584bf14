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
 * {@link ProofReadModel}) that counts every window at once; for the whole chain, its days (ADR 0115). Resolutions
 * come from service's {@code service_resolutions}, heroes from recognition's {@code recognition_heroic_links}.
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

    /**
     * The counts of a slice. The chain-wide page (no store, no associate) sums the days of
     * {@code proof_experience_day} (V143, ADR 0115) and counts client by client only what a day cannot tell: the
     * days on which a window ends now, and the clients of a hero; a store or an associate reads its clients' rows.
     */
    public ProofTally tally(Slice slice, Instant now) {
        if (slice.storeId().isEmpty() && slice.associateId().isEmpty()) {
            ProofTally tally = new ProofTally();
            surveysByDay(slice, now, tally);
            resolutionsByDay(slice, now, tally);
            return tally;
        }
        return tallyClientByClient(slice, now);
    }

    /** The counts read from each client's row, for any slice: what the days must add up to. */
    ProofTally tallyClientByClient(Slice slice, Instant now) {
        ProofTally tally = new ProofTally();
        surveys(slice, now, tally);
        resolutions(slice, now, tally);
        return tally;
    }

    /** Survey answers: band, satisfaction, recovery of detractors and heroes, from each client's first answer. */
    private void surveys(Slice slice, Instant now, ProofTally tally) {
        jdbc.sql("""
                %s
                select band, satisfaction, recovered, hero, %s
                  from flagged
                 group by 1, 2, 3, 4""".formatted(
                        flagged("", "false", "proof_first_experience",
                                " and f.at >= :from and f.at < :to" + filters(slice)),
                        windowCounts("")))
                .params(params(slice, now))
                .query(rs -> {
                    addSurveyRow(rs, tally);
                });
    }

    /**
     * The chain's survey answers: the days, but those on which a window ends now counted client by client (whether
     * that window has ended depends on the hour), and each hero's client moved from "no hero" to "hero".
     */
    private void surveysByDay(Slice slice, Instant now, ProofTally tally) {
        String range = " and f.at >= :from and f.at < :to";
        String picked = """
                , hero_clients as (
                    select f.customer_id
                      from heroes_of_client h
                      join proof_first_experience f on f.customer_id = h.customer_id and f.kind = 'SURVEY'
                                                   and f.associate_id = h.associate_id and h.first_on <= f.at::date
                    union
                    select f.customer_id
                      from heroes_of_case h
                      join proof_first_experience f on f.case_id = h.case_id and f.kind = 'SURVEY'
                                                   and f.associate_id = h.associate_id and h.first_on <= f.at::date
                ), picked as (
                    select f.* from proof_first_experience f where f.kind = 'SURVEY'%1$s and (%2$s)
                    union
                    select f.* from proof_first_experience f
                     where f.kind = 'SURVEY'%1$s and f.customer_id in (select customer_id from hero_clients)
                )""".formatted(range, edgeDays(now));
        jdbc.sql("""
                %s
                select band, satisfaction, recovered, hero, %s
                  from (select band, satisfaction, recovered, hero, %s
                          from flagged
                         group by 1, 2, 3, 4
                        union all
                        select band, satisfaction, recovered, false, %s
                          from flagged
                         where hero and not on_edge
                         group by 1, 2, 3
                        union all
                        select d.band, d.satisfaction, d.recovered, case when d.served then false end, %s
                          from proof_experience_day d
                         where d.kind = 'SURVEY'%s
                         group by 1, 2, 3, 4) parts
                 group by 1, 2, 3, 4""".formatted(flagged(picked, edgeDays(now), "picked", ""), sums(),
                        windowCounts(""), windowCounts("-"), dayCounts(), dayFilter()))
                .params(params(slice, now))
                .query(rs -> {
                    addSurveyRow(rs, tally);
                });
    }

    /**
     * The survey answers of the rows chosen by {@code where} (after {@code f.kind = 'SURVEY'}), from {@code rows},
     * each with its groups, its window times and whether it falls on a day a window ends now ({@code on_edge}).
     */
    private static String flagged(String moreTables, String onEdge, String rows, String where) {
        return """
                with answered_cases as (
                    select distinct case_id from service_resolutions
                ), heroes_of_client as (
                    select associate_id, customer_id, min(happened_on) as first_on
                      from recognition_heroic_links where customer_id is not null group by 1, 2
                ), heroes_of_case as (
                    select associate_id, case_id, min(happened_on) as first_on
                      from recognition_heroic_links where case_id is not null group by 1, 2
                )%s, flagged as (
                    select f.at, f.next_purchase_at as next_at,
                           case when f.come_back >= 9 then 'PROMOTER' when f.come_back >= 7 then 'PASSIVE'
                                when f.come_back is not null then 'DETRACTOR' end as band,
                           case when f.satisfaction >= 4 then 'SATISFIED'
                                when f.satisfaction <= 2 then 'DISSATISFIED' end as satisfaction,
                           r.case_id is not null as recovered,
                           case when f.associate_id is null then null
                                else coalesce(hc.first_on <= f.at::date, false)
                                     or coalesce(hk.first_on <= f.at::date, false) end as hero,
                           %s as on_edge
                      from %s f
                      left join answered_cases r on r.case_id = f.follow_up_case_id
                      left join heroes_of_client hc on hc.associate_id = f.associate_id
                                                   and hc.customer_id = f.customer_id
                      left join heroes_of_case hk on hk.associate_id = f.associate_id and hk.case_id = f.case_id
                     where f.kind = 'SURVEY'%s
                )""".formatted(moreTables, "(" + onEdge + ")", rows, where);
    }

    private static void addSurveyRow(java.sql.ResultSet rs, ProofTally tally) throws java.sql.SQLException {
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
    }

    /** Resolutions: each client's first resolution, with a remedy or answered with nothing. */
    private void resolutions(Slice slice, Instant now, ProofTally tally) {
        jdbc.sql("""
                select f.remedied, %s
                  from (select f.at, f.next_purchase_at as next_at, f.remedied
                          from proof_first_experience f
                         where f.kind = 'RESOLUTION' and f.at >= :from and f.at < :to%s) f
                 group by 1""".formatted(windowCounts(""), filters(slice)))
                .params(params(slice, now))
                .query(rs -> {
                    addResolutionRow(rs, tally);
                });
    }

    /** The chain's resolutions: the days, those on which a window ends now counted client by client. */
    private void resolutionsByDay(Slice slice, Instant now, ProofTally tally) {
        jdbc.sql("""
                select remedied, %s
                  from (select f.remedied, %s
                          from (select f.at, f.next_purchase_at as next_at, f.remedied
                                  from proof_first_experience f
                                 where f.kind = 'RESOLUTION' and f.at >= :from and f.at < :to and (%s)) f
                         group by 1
                        union all
                        select d.remedied, %s
                          from proof_experience_day d
                         where d.kind = 'RESOLUTION'%s
                         group by 1) parts
                 group by 1""".formatted(sums(), windowCounts(""), edgeDays(now), dayCounts(), dayFilter()))
                .params(params(slice, now))
                .query(rs -> {
                    addResolutionRow(rs, tally);
                });
    }

    private static void addResolutionRow(java.sql.ResultSet rs, ProofTally tally) throws java.sql.SQLException {
        addWindows(rs, List.of(rs.getBoolean("remedied") ? ProofGroup.REMEDIED : ProofGroup.ANSWERED_ONLY), tally);
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
    private static String windowCounts(String sign) {
        List<String> columns = new ArrayList<>();
        for (ProofWindow w : ProofWindow.values()) {
            String ended = "at <= :cut_" + w.days();
            columns.add(sign + "count(*) filter (where " + ended + ") as n_" + w.days());
            columns.add(sign + "count(*) filter (where " + ended + " and next_at - at <= interval '" + w.days()
                    + " days') as back_" + w.days());
            columns.add(sign + "count(*) filter (where not " + ended + ") as open_" + w.days());
        }
        return String.join(", ", columns);
    }

    /**
     * The same counts from the days of {@code proof_experience_day}: a window has ended for every client of a day
     * before the day it ends on now ({@code :edge_W}, the UTC day of now − W) and for none after it.
     */
    private static String dayCounts() {
        List<String> columns = new ArrayList<>();
        for (ProofWindow w : ProofWindow.values()) {
            String ended = "d.day < :edge_" + w.days();
            columns.add("sum(d.clients) filter (where " + ended + ") as n_" + w.days());
            columns.add("sum(d.clients) filter (where " + ended + " and d.back_within <= " + w.days() + ") as back_"
                    + w.days());
            columns.add("sum(d.clients) filter (where d.day > :edge_" + w.days() + ") as open_" + w.days());
        }
        return String.join(", ", columns);
    }

    /** The days of the slice but those on which a window ends now. */
    private static String dayFilter() {
        return " and d.day >= :from_day and d.day <= :to_day and d.day not in (:edge_90, :edge_180, :edge_365)";
    }

    /**
     * Whether {@code f.at} falls on a day on which a window ends now. Written as literals (made here from instants,
     * never from input): as parameters, the driver's prepared statement turned to a generic plan after five pages,
     * which read every row of the chain instead of these three days through the index (0.5 s instead of 0.1 s).
     */
    private static String edgeDays(Instant now) {
        List<String> days = new ArrayList<>();
        for (ProofWindow w : ProofWindow.values()) {
            LocalDate edge = edge(now, w);
            days.add("f.at >= timestamptz '" + edge.atStartOfDay().toInstant(ZoneOffset.UTC)
                    + "' and f.at < timestamptz '" + edge.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC) + "'");
        }
        return String.join(" or ", days);
    }

    /** The UTC day of now − W: the day on which window W ends now. */
    private static LocalDate edge(Instant now, ProofWindow w) {
        return LocalDate.ofInstant(now.minus(java.time.Duration.ofDays(w.days())), ZoneOffset.UTC);
    }

    /** The parts' counts added up. */
    private static String sums() {
        List<String> columns = new ArrayList<>();
        for (ProofWindow w : ProofWindow.values()) {
            for (String count : List.of("n_", "back_", "open_")) {
                columns.add("coalesce(sum(" + count + w.days() + "), 0) as " + count + w.days());
            }
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
        params.put("from_day", slice.from());
        params.put("to_day", slice.to());
        for (ProofWindow w : ProofWindow.values()) {
            params.put("cut_" + w.days(), Timestamp.from(now.minus(java.time.Duration.ofDays(w.days()))));
            params.put("edge_" + w.days(), edge(now, w));
        }
        slice.storeId().ifPresent(id -> params.put("store", id));
        slice.associateId().ifPresent(id -> params.put("associate", id));
        return params;
    }
}
