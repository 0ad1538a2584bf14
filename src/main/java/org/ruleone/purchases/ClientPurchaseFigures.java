package org.ruleone.purchases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Per-client purchase figures for other modules (client books, segments, audiences).
 *
 * <p>For set-based work over a whole chain, the SQL view named {@link #SQL_VIEW} is this module's published read
 * contract: one row per client with {@code customer_id, store_id, first_purchase_at, last_purchase_at, visits,
 * returns, net_spend} (meanings as in {@link PurchaseFigures}). Read the view, never the purchase tables; a
 * filter on {@code customer_id} reads only those clients' purchases.
 */
@Service
public class ClientPurchaseFigures {

    /** The view other modules may read in their own SQL. */
    public static final String SQL_VIEW = "purchase_client_figures";

    private final JdbcClient jdbc;

    ClientPurchaseFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of one client; empty when they have no purchase at all. */
    public Optional<PurchaseFigures> of(long customerId) {
        return Optional.ofNullable(of(List.of(customerId)).get(customerId));
    }

    /** The figures of these clients, by client id; clients without purchases are absent. */
    public Map<Long, PurchaseFigures> of(Collection<Long> customerIds) {
        Map<Long, PurchaseFigures> figures = new HashMap<>(customerIds.size() * 2);
        if (customerIds.isEmpty()) {
            return figures;
        }
        jdbc.sql("""
                select customer_id, store_id, first_purchase_at, last_purchase_at, visits, returns, net_spend
                  from purchase_client_figures where customer_id = any(cast(:ids as bigint[]))
                """)
                .param("ids", customerIds.toArray(Long[]::new))
                .query(rs -> {
                    long id = rs.getLong(1);
                    figures.put(id, new PurchaseFigures(id, rs.getLong(2), instant(rs.getTimestamp(3)),
                            instant(rs.getTimestamp(4)), rs.getLong(5), rs.getLong(6), rs.getBigDecimal(7)));
                });
        return figures;
    }

    /** The latest purchases and returns of any of these clients, newest first. */
    public List<RecentPurchase> recent(Collection<Long> customerIds, int limit) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, customer_id, store_id, invoice_no, purchased_at, total, items, is_return from purchase
                 where customer_id = any(cast(:ids as bigint[]))
                 order by purchased_at desc, id desc limit :limit
                """)
                .param("ids", customerIds.toArray(Long[]::new)).param("limit", limit)
                .query((rs, n) -> new RecentPurchase(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getBigDecimal(6), rs.getInt(7), rs.getBoolean(8)))
                .list();
    }

    /**
     * A value that changes whenever purchases are added (an import, the till API): compare it with the value of an
     * earlier read to know whether figures derived from purchases are out of date.
     */
    public String changeMarker() {
        return jdbc.sql("""
                select coalesce((select max(id) from purchase), 0) || '/'
                    || coalesce((select count(*) from purchase_import where status = 'COMPLETED'), 0)
                """)
                .query(String.class).single();
    }

    /**
     * Whether the purchases of any client were added, changed or deleted since the last
     * {@link #takeChangedClients take} (or {@link #forgetChangedClients forget}).
     */
    public boolean clientsChanged() {
        return jdbc.sql("select exists (select 1 from purchase_changed_client)").query(Boolean.class).single();
    }

    /**
     * The clients whose purchases were added, changed or deleted (by the till API, an import, a rolled-back import, a
     * merge or an erasure) since the last take, each once, and forgets them in the caller's transaction: a rollback
     * gives them back, and a change committed meanwhile stays for the next take. Take them before reading the
     * figures they changed. For the one reader that keeps figures derived from purchases up to date (client
     * segments).
     *
     * @param atMost the most changes the caller wants one by one
     * @return the clients, or empty when there were more changes than {@code atMost} (all forgotten: the caller
     * reads every client's figures instead)
     */
    public Optional<long[]> takeChangedClients(int atMost) {
        long changes = jdbc.sql("select count(*) from purchase_changed_client").query(Long.class).single();
        if (changes > atMost) {
            forgetChangedClients();
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("delete from purchase_changed_client returning customer_id")
                .query(Long.class).list().stream().mapToLong(Long::longValue).distinct().toArray());
    }

    /** Forgets every change noted so far (the caller is about to read every client's figures). */
    public void forgetChangedClients() {
        jdbc.sql("delete from purchase_changed_client").update();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
