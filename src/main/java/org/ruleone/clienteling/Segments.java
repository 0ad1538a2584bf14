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
        jdbc.sql("select * from book_client_segment where customer_id = any(cast(:ids as bigint[]))")
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

    /** Recomputes every client's segment as of now. */
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

    /** Computes the segments; the caller holds the refresh lock. */
    private SegmentRefresh compute(SegmentRefresh.Reason reason) {
        // The two window sorts over every client fit in memory instead of spilling to disk.
        jdbc.sql("set local work_mem = '256MB'").update();
        String mark = purchases.changeMarker();
        Instant asOf = clock.instant();
        long started = System.nanoTime();
        long refreshId = jdbc.sql("""
                insert into book_segment_refresh (reason, started_at, clients, purchases_mark)
                values (:reason, :asOf, 0, :mark) returning id
                """)
                .param("reason", reason.name()).param("asOf", Timestamp.from(asOf)).param("mark", mark)
                .query(Long.class).single();
        int clients = jdbc.sql("""
                with figures as (
                    select customer_id, store_id, visits, net_spend,
                           floor(extract(epoch from (:asOf - last_purchase_at)) / 86400)::int  as recency_days,
                           floor(extract(epoch from (:asOf - first_purchase_at)) / 86400)::int as age_days
                      from purchase_client_figures
                     where visits > 0
                ), scored as (
                    select f.*,
                           case when recency_days <= 30 then 5 when recency_days <= 90 then 4
                                when recency_days <= 180 then 3 when recency_days <= 365 then 2 else 1 end as r,
                           least(5, 1 + floor(5 * percent_rank() over (partition by store_id order by visits)))::int as f,
                           least(5, 1 + floor(5 * percent_rank() over (partition by store_id order by net_spend)))::int as m
                      from figures f
                )
                insert into book_client_segment as s (customer_id, store_id, segment, recency_score, frequency_score,
                                                     monetary_score, recency_days, visits, net_spend, computed_at,
                                                     refresh_id)
                select customer_id, store_id,
                       case when r = 1                          then 'LAPSED'
                            when age_days <= 30                 then 'NEW'
                            when r >= 4 and f >= 4 and m >= 4   then 'CHAMPIONS'
                            when r >= 3 and f >= 4              then 'LOYAL'
                            when r >= 4                         then 'PROMISING'
                            when r = 2 and (f >= 3 or m >= 4)   then 'AT_RISK'
                            else                                     'NEEDS_ATTENTION' end,
                       r, f, m, recency_days, visits, net_spend, :asOf, :refresh
                  from scored
                on conflict (customer_id) do update
                   set store_id = excluded.store_id, segment = excluded.segment,
                       recency_score = excluded.recency_score, frequency_score = excluded.frequency_score,
                       monetary_score = excluded.monetary_score, recency_days = excluded.recency_days,
                       visits = excluded.visits, net_spend = excluded.net_spend, computed_at = excluded.computed_at,
                       refresh_id = excluded.refresh_id
                """)
                .param("asOf", Timestamp.from(asOf)).param("refresh", refreshId)
                .update();
        // Clients who no longer qualify (all returned, merged away) lose their old segment.
        jdbc.sql("delete from book_client_segment where refresh_id <> :refresh").param("refresh", refreshId).update();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        jdbc.sql("update book_segment_refresh set finished_at = :finished, clients = :clients where id = :refresh")
                .param("finished", Timestamp.from(asOf.plus(took))).param("clients", clients)
                .param("refresh", refreshId)
                .update();
        log.info("Client segments refreshed ({}): {} clients in {} ms", reason, clients, took.toMillis());
        return new SegmentRefresh(reason, asOf, clients, took);
    }

    /** Whether purchases were added since the last refresh (or there never was one). */
    public boolean outOfDate() {
        Optional<String> last = jdbc.sql("select purchases_mark from book_segment_refresh where finished_at is not null order by id desc limit 1")
                .query(String.class).optional();
        return last.isEmpty() || !last.get().equals(purchases.changeMarker());
    }

    private static ClientSegment segment(ResultSet rs) throws SQLException {
        return new ClientSegment(rs.getLong("customer_id"), rs.getLong("store_id"),
                Segment.valueOf(rs.getString("segment")), rs.getInt("recency_score"), rs.getInt("frequency_score"),
                rs.getInt("monetary_score"), rs.getInt("recency_days"), rs.getInt("visits"),
                rs.getBigDecimal("net_spend"), rs.getTimestamp("computed_at").toInstant());
    }
}
