package org.ruleone.clienteling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.purchases.ClientPurchaseFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Client segments by recency, frequency and monetary value (method: docs/adr/0060-client-segments.md), stored per
 * client with the time they were computed, for other modules to pick clients by segment.
 *
 * <p>In Java: {@link #of(long)} and {@link #of(Collection)}. In SQL (an audience builder over a million clients):
 * the view named {@link #SQL_VIEW}, one row per segmented client with {@code customer_id, store_id, segment,
 * computed_at}, {@code segment} being a {@link Segment} name. A client with no purchase (or only returns) has no
 * row: they are not in any segment yet.
 */
@Service
public class Segments {

    /** The view other modules may join in their own SQL. */
    public static final String SQL_VIEW = "book_segments";

    /**
     * A scheduled refresh begun this long ago still counts as this round's: the nodes' clocks and schedules never
     * agree to the second, and a second node must not redo what the first just did.
     */
    public static final Duration SCHEDULED_ROUND = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(Segments.class);

    private final JdbcClient jdbc;
    private final ClientPurchaseFigures purchases;
    private final Clock clock;

    Segments(JdbcClient jdbc, ClientPurchaseFigures purchases, Clock clock) {
        this.jdbc = jdbc;
        this.purchases = purchases;
        this.clock = clock;
    }

    /** The client's segment as of the last refresh; empty when they have none (no purchase yet, or not refreshed). */
    public Optional<ClientSegment> of(long customerId) {
        return Optional.ofNullable(of(List.of(customerId)).get(customerId));
    }

    /** The segments of these clients, by client id; clients without one are absent. */
    public Map<Long, ClientSegment> of(Collection<Long> customerIds) {
        Map<Long, ClientSegment> segments = new HashMap<>(customerIds.size() * 2);
        if (customerIds.isEmpty()) {
            return segments;
        }
        // Every row is current as of the latest refresh (a refresh brings every row it does not rewrite up to date).
        jdbc.sql("""
                select s.*, r.started_at as computed_at,
                       floor(extract(epoch from (r.started_at - s.last_purchase_at)) / 86400)::int as recency_days
                  from book_client_segment s
                 cross join (select started_at from book_segment_refresh
                              where finished_at is not null order by id desc limit 1) r
                 where s.customer_id = any(cast(:ids as bigint[]))
                """)
                .param("ids", customerIds.toArray(Long[]::new))
                .query(rs -> {
                    ClientSegment s = segment(rs);
                    segments.put(s.customerId(), s);
                });
        return segments;
    }

    /** When the segments were last computed; empty before the first refresh. */
    public Optional<Instant> lastRefreshedAt() {
        return jdbc.sql("select max(finished_at) from book_segment_refresh")
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    /**
     * Brings every client's segment up to date as of now: {@link SegmentRefresh.Reason#PURCHASES_CHANGED} refreshes
     * only what changed since the last refresh, the other reasons recompute every client.
     */
    @Transactional
    public SegmentRefresh refresh(SegmentRefresh.Reason reason) {
        // One refresh at a time across nodes; a second one waits and then recomputes from fresh data.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('book_client_segment'))").query((rs, n) -> 1).list();
        return compute(reason);
    }

    /**
     * The refresh a schedule asks for, done once across nodes: every node's schedule fires, and a node does nothing
     * when another one is refreshing now, when the segments already include every purchase (after purchases
     * changed), or when this round's scheduled refresh was already made (began within {@link #SCHEDULED_ROUND}).
     *
     * @return what the refresh did, or empty when this node had nothing to do
     */
    @Transactional
    public Optional<SegmentRefresh> refreshOnSchedule(SegmentRefresh.Reason reason) {
        boolean mine = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtext('book_client_segment'))")
                .query(Boolean.class).single());
        if (!mine) {
            return Optional.empty();
        }
        boolean done = switch (reason) {
            case PURCHASES_CHANGED -> !outOfDate();
            case SCHEDULED -> jdbc.sql("""
                    select exists (select 1 from book_segment_refresh where reason = 'SCHEDULED' and started_at > :since)
                    """).param("since", Timestamp.from(clock.instant().minus(SCHEDULED_ROUND)))
                    .query(Boolean.class).single();
            case ON_DEMAND -> false;
        };
        return done ? Optional.empty() : Optional.of(compute(reason));
    }

    /** Whether purchases were added, changed or deleted since the last refresh (or there never was a full one). */
    public boolean outOfDate() {
        return lastFullRecompute().isEmpty() || purchases.clientsChanged();
    }

    private Optional<Long> lastFullRecompute() {
        return jdbc.sql("select max(id) from book_segment_refresh where finished_at is not null and full_recompute")
                .query(Long.class).optional();
    }

    /** Computes the segments; the caller holds the refresh lock. */
    private SegmentRefresh compute(SegmentRefresh.Reason reason) {
        // A full recompute's aggregation of every client (and its sorts) fits in memory instead of spilling to disk.
        jdbc.sql("set local work_mem = '512MB'").update();
        String mark = purchases.changeMarker();
        Instant asOf = clock.instant();
        long started = System.nanoTime();
        Optional<Instant> previous = jdbc.sql("""
                select started_at from book_segment_refresh where finished_at is not null order by id desc limit 1
                """).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
        boolean incremental = reason == SegmentRefresh.Reason.PURCHASES_CHANGED && previous.isPresent()
                && lastFullRecompute().isPresent();
        long refreshId = jdbc.sql("""
                insert into book_segment_refresh (reason, started_at, clients, purchases_mark, full_recompute)
                values (:reason, :asOf, 0, :mark, :full) returning id
                """)
                .param("reason", reason.name()).param("asOf", Timestamp.from(asOf)).param("mark", mark)
                .param("full", !incremental)
                .query(Long.class).single();
        Integer rewritten = null;
        if (incremental) {
            int clients = jdbc.sql("select coalesce(sum(clients), 0) from book_segment_store").query(Integer.class).single();
            Optional<long[]> changed = purchases.takeChangedClients(Math.max(1000, clients / 5));
            if (changed.isPresent()) {
                rewritten = incremental(asOf, previous.get(), changed.get());
                if (rewritten == null) {
                    log.warn("Client segments: the stored quintile steps disagree with the clients; recomputing every client");
                }
            }
        } else {
            purchases.forgetChangedClients();
        }
        boolean full = rewritten == null;
        if (full) {
            // Changes were forgotten (too many, or a full recompute): every client is read again.
            rewritten = recompute(asOf);
        }
        int clients = jdbc.sql("select coalesce(sum(clients), 0) from book_segment_store").query(Integer.class).single();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        jdbc.sql("""
                update book_segment_refresh set finished_at = :finished, clients = :clients, full_recompute = :full,
                       rewritten = :rewritten
                 where id = :refresh
                """)
                .param("finished", Timestamp.from(asOf.plus(took))).param("clients", clients).param("full", full)
                .param("rewritten", rewritten).param("refresh", refreshId)
                .update();
        log.info("Client segments refreshed ({}, {}): {} clients, {} rows written in {} ms", reason,
                full ? "every client" : "what changed", clients, rewritten, took.toMillis());
        return new SegmentRefresh(reason, asOf, clients, took, full, rewritten);
    }

    /** The recency bands in days (ADR 0060): R is 5 within the first, 4 within the second, … 1 beyond the last. */
    private static final int[] BANDS = {30, 90, 180, 365};

    /**
     * R from the last purchase as of the refresh: days = floor(seconds since / 86400) is within band B exactly when
     * the purchase is after {@code :bandB} = as of minus (B + 1) × 86,400 s (plain timestamps compared, no numeric
     * arithmetic per client).
     */
    private static String recencyScore(String lastPurchaseAt) {
        return "(case when %1$s > :band30 then 5 when %1$s > :band90 then 4 when %1$s > :band180 then 3 when %1$s > :band365 then 2 else 1 end)"
                .formatted(lastPurchaseAt);
    }

    private static JdbcClient.StatementSpec bands(JdbcClient.StatementSpec statement, Instant asOf) {
        for (int band : BANDS) {
            statement = statement.param("band" + band, Timestamp.from(asOf.minusSeconds((band + 1L) * 86400)));
        }
        return statement;
    }

    /** The segment from the scores and the first purchase (new: within 30 days): the first rule that applies (ADR 0060). */
    private static String segment(String r, String f, String m, String firstPurchaseAt) {
        return """
                (case when %1$s = 1                            then 'LAPSED'
                      when %4$s > :band30                      then 'NEW'
                      when %1$s >= 4 and %2$s >= 4 and %3$s >= 4 then 'CHAMPIONS'
                      when %1$s >= 3 and %2$s >= 4             then 'LOYAL'
                      when %1$s >= 4                           then 'PROMISING'
                      when %1$s = 2 and (%2$s >= 3 or %3$s >= 4) then 'AT_RISK'
                      else                                          'NEEDS_ATTENTION' end)
                """.formatted(r, f, m, firstPurchaseAt);
    }

    /** The stored columns a refresh compares to know whether a row moved. */
    private static final String ROW = "store_id, segment, recency_score, frequency_score, monetary_score, visits, "
            + "net_spend, first_purchase_at, last_purchase_at";

    /**
     * Recomputes every client from the purchases' figures, with the store's client counts and quintile steps, and
     * writes only the rows that differ. Returns the rows written.
     */
    private int recompute(Instant asOf) {
        jdbc.sql("delete from book_segment_store").update();
        jdbc.sql("delete from book_segment_threshold").update();
        // One statement: the figures are aggregated once and held in memory (work_mem); each store's figures are
        // sorted into two arrays, from which the quintile steps are read by position; every client's F and M are
        // the steps below their figures (the same scores as 1 + floor(5 * percent_rank), ADR 0125); only the rows
        // that differ from the stored ones are written.
        return bands(jdbc.sql("""
                with figures as (
                    select customer_id, store_id, visits::int as visits, net_spend, first_purchase_at, last_purchase_at
                      from purchase_client_figures
                     where visits > 0
                ), next as materialized (
                    select f.*, %1$s as r from figures f
                ), sorted as materialized (
                    select store_id, count(*)::int as clients, array_agg(visits order by visits) as visits,
                           array_agg(net_spend order by net_spend) as spend
                      from next group by store_id
                ), steps as materialized (
                    -- c: the fewest clients below that score k needs; the step is the figure at position c - 1 (from 0).
                    select s.store_id, k.k, s.visits[c.c] as visit_step, s.spend[c.c] as spend_step, s.visits, s.spend
                      from sorted s
                     cross join generate_series(2, 5) k(k)
                     cross join lateral (
                         select min(x) as c
                           from generate_series(greatest(0, (k.k - 1) * (s.clients - 1) / 5 - 2),
                                                least(s.clients - 1, (k.k - 1) * (s.clients - 1) / 5 + 2)) x
                          where least(5, 1 + floor(5 * (x::float8 / (s.clients - 1)::float8))) >= k.k) c
                     where s.clients > 1
                ), stores as (
                    insert into book_segment_store (store_id, clients) select store_id, clients from sorted
                ), thresholds as (
                    insert into book_segment_threshold (store_id, measure, score, value, below, equal)
                    select store_id, 'VISITS', k, visit_step, array_position(visits, visit_step) - 1,
                           cardinality(array_positions(visits, visit_step))
                      from steps
                    union all
                    select store_id, 'SPEND', k, spend_step, array_position(spend, spend_step) - 1,
                           cardinality(array_positions(spend, spend_step))
                      from steps
                    union all
                    select store_id, measure, k, null, 0, 0
                      from sorted cross join (values ('VISITS'), ('SPEND')) m(measure) cross join generate_series(2, 5) k
                     where clients <= 1
                ), pivot as (
                    select store_id,
                           max(visit_step) filter (where k = 2) as v2, max(visit_step) filter (where k = 3) as v3,
                           max(visit_step) filter (where k = 4) as v4, max(visit_step) filter (where k = 5) as v5,
                           max(spend_step) filter (where k = 2) as m2, max(spend_step) filter (where k = 3) as m3,
                           max(spend_step) filter (where k = 4) as m4, max(spend_step) filter (where k = 5) as m5
                      from steps group by store_id
                ), scored as (
                    select n.*,
                           1 + coalesce((n.visits > p.v2)::int + (n.visits > p.v3)::int + (n.visits > p.v4)::int
                                        + (n.visits > p.v5)::int, 0) as f,
                           1 + coalesce((n.net_spend > p.m2)::int + (n.net_spend > p.m3)::int
                                        + (n.net_spend > p.m4)::int + (n.net_spend > p.m5)::int, 0) as m
                      from next n left join pivot p using (store_id)
                ), segmented as (
                    select scored.*, %2$s as segment from scored
                ), diff as materialized (
                    select n.*, o.customer_id as old_id
                      from segmented n full join book_client_segment o on o.customer_id = n.customer_id
                     where n.customer_id is null or o.customer_id is null
                        or (o.store_id, o.segment, o.recency_score, o.frequency_score, o.monetary_score, o.visits,
                            o.net_spend, o.first_purchase_at, o.last_purchase_at)
                           is distinct from (n.store_id, n.segment, n.r, n.f, n.m, n.visits, n.net_spend,
                                             n.first_purchase_at, n.last_purchase_at)
                ), gone as (
                    delete from book_client_segment s using diff d
                     where d.customer_id is null and s.customer_id = d.old_id
                    returning 1
                ), moved as (
                    update book_client_segment s
                       set store_id = d.store_id, segment = d.segment, recency_score = d.r, frequency_score = d.f,
                           monetary_score = d.m, visits = d.visits, net_spend = d.net_spend,
                           first_purchase_at = d.first_purchase_at, last_purchase_at = d.last_purchase_at
                      from diff d
                     where d.customer_id is not null and d.old_id is not null and s.customer_id = d.customer_id
                    returning 1
                ), added as (
                    insert into book_client_segment (customer_id, %3$s)
                    select d.customer_id, d.store_id, d.segment, d.r, d.f, d.m, d.visits, d.net_spend,
                           d.first_purchase_at, d.last_purchase_at
                      from diff d where d.old_id is null
                    returning 1
                )
                select (select count(*) from gone) + (select count(*) from moved) + (select count(*) from added)
                """.formatted(recencyScore("last_purchase_at"), segment("r", "f", "m", "first_purchase_at"), ROW)), asOf)
                .query(Integer.class).single();
    }

    /**
     * Refreshes the clients whose purchases changed, then every client whose score a moved quintile step reaches or
     * whose recency band (or newness) time alone changed since {@code previous}; writes only the rows that differ.
     *
     * @return the rows written, or null when the stored steps turn out not to match the clients (nothing is written
     * that the caller's full recompute would not redo)
     */
    private Integer incremental(Instant asOf, Instant previous, long[] changed) {
        // Each changed client as stored (old_*) and as their purchases now say (new_*; null: no segment any more).
        jdbc.sql("""
                create temporary table book_segment_change on commit drop as
                select id as customer_id, o.store_id as old_store, o.visits as old_visits, o.net_spend as old_spend,
                       f.store_id as new_store, f.visits::int as new_visits, f.net_spend as new_spend,
                       f.first_purchase_at, f.last_purchase_at
                  from unnest(cast(:ids as bigint[])) id
                  left join (select * from book_client_segment
                              where customer_id = any(cast(:ids as bigint[]))) o on o.customer_id = id
                  left join (select * from purchase_client_figures
                              where customer_id = any(cast(:ids as bigint[])) and visits > 0) f on f.customer_id = id
                """).param("ids", changed).update();
        jdbc.sql("analyze book_segment_change").update();
        int written = jdbc.sql("""
                delete from book_client_segment s using book_segment_change c
                 where s.customer_id = c.customer_id and c.new_store is null
                   and s.customer_id = any(cast(:ids as bigint[]))
                """).param("ids", changed).update();
        written += jdbc.sql("""
                update book_client_segment s
                   set store_id = c.new_store, visits = c.new_visits, net_spend = c.new_spend,
                       first_purchase_at = c.first_purchase_at, last_purchase_at = c.last_purchase_at
                  from book_segment_change c
                 where s.customer_id = c.customer_id and c.new_store is not null
                   and s.customer_id = any(cast(:ids as bigint[]))
                   and (s.store_id, s.visits, s.net_spend, s.first_purchase_at, s.last_purchase_at)
                       is distinct from (c.new_store, c.new_visits, c.new_spend, c.first_purchase_at, c.last_purchase_at)
                """).param("ids", changed).update();
        // New clients get their scores below, with every other client the changes reach.
        written += jdbc.sql("""
                insert into book_client_segment (customer_id, %s)
                select customer_id, new_store, 'NEEDS_ATTENTION', 1, 1, 1, new_visits, new_spend, first_purchase_at,
                       last_purchase_at
                  from book_segment_change where old_store is null and new_store is not null
                """.formatted(ROW)).update();
        jdbc.sql("""
                insert into book_segment_store as n (store_id, clients)
                select store_id, sum(delta) from (
                    select old_store as store_id, -1 as delta from book_segment_change where old_store is not null
                    union all
                    select new_store, 1 from book_segment_change where new_store is not null) d
                 group by store_id
                on conflict (store_id) do update set clients = n.clients + excluded.clients
                """).update();
        jdbc.sql("""
                insert into book_segment_threshold (store_id, measure, score, value, below, equal)
                select store_id, measure, k, null, 0, 0
                  from (select old_store as store_id from book_segment_change where old_store is not null
                        union select new_store from book_segment_change where new_store is not null) s
                 cross join (values ('VISITS'), ('SPEND')) m(measure) cross join generate_series(2, 5) k
                on conflict do nothing
                """).update();
        jdbc.sql("""
                create temporary table book_segment_step (
                    store_id bigint, measure text, score smallint, old_value numeric, new_value numeric,
                    below integer, equal integer, position integer) on commit drop
                """).update();
        for (String[] measure : new String[][] {{"VISITS", "visits"}, {"SPEND", "net_spend"}}) {
            String name = measure[0];
            String column = measure[1];
            String old = column.equals("visits") ? "old_visits" : "old_spend";
            String now = column.equals("visits") ? "new_visits" : "new_spend";
            // The clients below and equal to each step of the touched stores, moved by the changes.
            jdbc.sql("""
                    update book_segment_threshold t set below = t.below + d.below, equal = t.equal + d.equal
                      from (select t.store_id, t.score,
                                   coalesce(sum(c.sign) filter (where c.figure < t.value), 0) as below,
                                   coalesce(sum(c.sign) filter (where c.figure = t.value), 0) as equal
                              from book_segment_threshold t
                              join (select old_store as store_id, %2$s as figure, -1 as sign
                                      from book_segment_change where old_store is not null
                                    union all
                                    select new_store, %3$s, 1 from book_segment_change where new_store is not null) c
                                on c.store_id = t.store_id
                             where t.measure = '%1$s' and t.value is not null
                             group by t.store_id, t.score) d
                     where t.store_id = d.store_id and t.measure = '%1$s' and t.score = d.score
                    """.formatted(name, old, now)).update();
            // Where each step is now: the figure at position c - 1 of the store's ascending order, c the fewest
            // clients below that score k needs with the store's clients now (the same floating-point formula as
            // percent_rank: 1 + floor(5 * below / (clients - 1))). Found from the old step by walking the index
            // over the few clients between them; from the store's start when there was none.
            jdbc.sql("""
                    insert into book_segment_step (store_id, measure, score, old_value, below, equal, position)
                    select t.store_id, t.measure, t.score, t.value, t.below, t.equal,
                           case when n.clients > 1 then (
                               select min(x) from generate_series(greatest(0, (t.score - 1) * (n.clients - 1) / 5 - 2),
                                                                   least(n.clients - 1, (t.score - 1) * (n.clients - 1) / 5 + 2)) x
                                where least(5, 1 + floor(5 * (x::float8 / (n.clients - 1)::float8))) >= t.score) - 1 end
                      from book_segment_threshold t join book_segment_store n using (store_id)
                     where t.measure = '%1$s'
                       and t.store_id in (select old_store from book_segment_change union select new_store from book_segment_change)
                    """.formatted(name)).update();
            jdbc.sql("""
                    update book_segment_step p set new_value = case
                        when p.position is null then null
                        when p.old_value is null then
                            (select s.%2$s from book_client_segment s where s.store_id = p.store_id
                              order by s.%2$s offset p.position limit 1)
                        when p.position >= p.below + p.equal then
                            (select s.%2$s from book_client_segment s where s.store_id = p.store_id and s.%2$s > p.old_value
                              order by s.%2$s offset p.position - p.below - p.equal limit 1)
                        when p.position < p.below then
                            (select s.%2$s from book_client_segment s where s.store_id = p.store_id and s.%2$s < p.old_value
                              order by s.%2$s desc offset p.below - 1 - p.position limit 1)
                        else p.old_value end
                     where p.measure = '%1$s'
                    """.formatted(name, column)).update();
            boolean lost = jdbc.sql("""
                    select exists (select 1 from book_segment_step
                                    where measure = '%s' and position is not null and new_value is null)
                    """.formatted(name)).query(Boolean.class).single();
            if (lost) {
                return null;
            }
            jdbc.sql("""
                    update book_segment_step p
                       set equal = case when p.new_value is null then 0 when p.new_value = p.old_value then p.equal
                                        else (select count(*) from book_client_segment s
                                               where s.store_id = p.store_id and s.%2$s = p.new_value) end,
                           below = case when p.new_value is null then 0
                                        when p.new_value = p.old_value then p.below
                                        when p.old_value is null then
                                            (select count(*) from book_client_segment s
                                              where s.store_id = p.store_id and s.%2$s < p.new_value)
                                        when p.new_value > p.old_value then p.below + p.equal +
                                            (select count(*) from book_client_segment s
                                              where s.store_id = p.store_id and s.%2$s > p.old_value and s.%2$s < p.new_value)
                                        else p.below -
                                            (select count(*) from book_client_segment s
                                              where s.store_id = p.store_id and s.%2$s >= p.new_value and s.%2$s < p.old_value)
                                   end
                     where p.measure = '%1$s' and p.new_value is distinct from p.old_value
                    """.formatted(name, column)).update();
            jdbc.sql("""
                    update book_segment_threshold t set value = p.new_value, below = p.below, equal = p.equal
                      from book_segment_step p
                     where p.measure = '%s' and t.store_id = p.store_id and t.measure = p.measure and t.score = p.score
                       and (t.value, t.below, t.equal) is distinct from (p.new_value, p.below, p.equal)
                    """.formatted(name)).update();
        }
        // Whose scores or segment may have moved: the changed clients, the clients between a step's old and new
        // place (a whole store when it had no step), and those whose recency band or newness time alone changed.
        jdbc.sql("create temporary table book_segment_candidate (customer_id bigint primary key) on commit drop").update();
        jdbc.sql("""
                insert into book_segment_candidate
                select customer_id from book_segment_change where new_store is not null on conflict do nothing
                """).update();
        for (String[] measure : new String[][] {{"VISITS", "visits"}, {"SPEND", "net_spend"}}) {
            jdbc.sql("""
                    insert into book_segment_candidate
                    select s.customer_id from book_segment_step p
                      join book_client_segment s on s.store_id = p.store_id
                       and s.%2$s between least(p.old_value, p.new_value) and greatest(p.old_value, p.new_value)
                     where p.measure = '%1$s' and p.new_value <> p.old_value
                    on conflict do nothing
                    """.formatted(measure[0], measure[1])).update();
            jdbc.sql("""
                    insert into book_segment_candidate
                    select s.customer_id from book_segment_step p join book_client_segment s on s.store_id = p.store_id
                     where p.measure = '%s' and (p.old_value is null) <> (p.new_value is null)
                    on conflict do nothing
                    """.formatted(measure[0])).update();
        }
        // Days since a purchase = floor((asOf - purchase) / 1 day): band B (days <= B) is left when the purchase
        // falls in (from - (B+1) days, to - (B+1) days]; a second of margin each side (more is only rechecked).
        Instant from = previous.isBefore(asOf) ? previous : asOf;
        Instant to = previous.isBefore(asOf) ? asOf : previous;
        StringBuilder last = new StringBuilder();
        for (int band : new int[] {30, 90, 180, 365}) {
            last.append(last.isEmpty() ? "" : " or ").append("last_purchase_at > :from").append(band)
                    .append(" and last_purchase_at <= :to").append(band);
        }
        var crossing = jdbc.sql("""
                insert into book_segment_candidate
                select customer_id from book_client_segment
                 where %s or first_purchase_at > :from30 and first_purchase_at <= :to30
                on conflict do nothing
                """.formatted(last));
        for (int band : new int[] {30, 90, 180, 365}) {
            Duration edge = Duration.ofDays(band + 1L);
            crossing = crossing.param("from" + band, Timestamp.from(from.minus(edge).minusSeconds(1)))
                    .param("to" + band, Timestamp.from(to.minus(edge).plusSeconds(1)));
        }
        crossing.update();
        Long[] candidates = jdbc.sql("select customer_id from book_segment_candidate").query(Long.class).list()
                .toArray(Long[]::new);
        written += bands(jdbc.sql("""
                with scored as (
                    select s.customer_id, r.r, 1 + f.above as f, 1 + m.above as m, s.first_purchase_at
                      from book_client_segment s
                     cross join lateral (select %s as r) r
                     cross join lateral (select count(*)::int as above from book_segment_threshold t
                                          where t.store_id = s.store_id and t.measure = 'VISITS' and t.value < s.visits) f
                     cross join lateral (select count(*)::int as above from book_segment_threshold t
                                          where t.store_id = s.store_id and t.measure = 'SPEND' and t.value < s.net_spend) m
                     where s.customer_id = any(cast(:candidates as bigint[]))
                ), segmented as (
                    select scored.*, %s as segment from scored
                )
                update book_client_segment s
                   set recency_score = n.r, frequency_score = n.f, monetary_score = n.m, segment = n.segment
                  from segmented n
                 where s.customer_id = n.customer_id and s.customer_id = any(cast(:candidates as bigint[]))
                   and (s.segment, s.recency_score, s.frequency_score, s.monetary_score)
                       is distinct from (n.segment, n.r, n.f, n.m)
                """.formatted(recencyScore("s.last_purchase_at"), segment("r", "f", "m", "first_purchase_at"))), asOf)
                .param("candidates", candidates).update();
        return written;
    }

    private static ClientSegment segment(ResultSet rs) throws SQLException {
        return new ClientSegment(rs.getLong("customer_id"), rs.getLong("store_id"),
                Segment.valueOf(rs.getString("segment")), rs.getInt("recency_score"), rs.getInt("frequency_score"),
                rs.getInt("monetary_score"), rs.getInt("recency_days"), rs.getInt("visits"),
                rs.getBigDecimal("net_spend"), rs.getTimestamp("computed_at").toInstant());
    }
}
