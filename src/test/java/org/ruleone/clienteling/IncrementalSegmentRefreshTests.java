package org.ruleone.clienteling;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.organization.Organization;
import org.ruleone.standards.StandardsTestSupport;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refresh of what changed leaves every client with exactly the row a recompute of every client gives (segment,
 * scores, figures), and the stores' quintile steps as a recompute would set them, after purchases, returns, imports
 * (row triggers off), merges, erasures, clients moving store, and days passing with nobody buying. The recompute
 * is made in a transaction rolled back, so the refreshes of what changed follow one another as they do in use.
 */
@IntegrationTest
@Import(StandardsTestSupport.class)
class IncrementalSegmentRefreshTests {

    @Autowired Segments segments;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired Organization organization;
    @Autowired ClientBook book;
    @Autowired PlatformTransactionManager transactions;

    private final Random random = new Random(16);
    private int invoice;

    @Test
    void aRefreshOfWhatChangedGivesEveryClientTheRowARecomputeOfEveryClientGives() {
        List<Long> stores = new ArrayList<>();
        List<long[]> clientsOf = new ArrayList<>();
        for (int size : new int[] {30, 23, 11, 1}) {
            long store = StandardsTestSupport.storeClosedOnSunday(organization);
            stores.add(store);
            long[] clients = new long[size];
            for (int i = 0; i < size; i++) {
                clients[i] = StandardsTestSupport.client(book, store, "Client" + i, "Seg" + UUID.randomUUID());
                if (random.nextInt(10) < 8) {
                    for (int v = random.nextInt(5); v >= 0; v--) {
                        buy(store, clients[i], random.nextInt(800), false);
                    }
                }
            }
            clientsOf.add(clients);
        }
        segments.refresh(SegmentRefresh.Reason.ON_DEMAND);

        for (int step = 0; step < 14; step++) {
            int storeIndex = random.nextInt(stores.size());
            long store = stores.get(storeIndex);
            long[] clients = clientsOf.get(storeIndex);
            long someone = clients[random.nextInt(clients.length)];
            switch (step % 7) {
                case 0 -> { // a few clients buy today or lately, some of them for the first time
                    for (int i = 0; i < 4; i++) {
                        long[] in = clientsOf.get(random.nextInt(clientsOf.size()));
                        long who = in[random.nextInt(in.length)];
                        buy(storeOf(stores, clientsOf, who), who, random.nextInt(40), false);
                    }
                }
                case 1 -> buy(store, someone, random.nextInt(30), true); // a return
                case 2 -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    // An import loads with row triggers off: its purchases are noted all the same.
                    jdbc.sql("set local session_replication_role = replica").update();
                    for (long who : clients) {
                        if (random.nextBoolean()) {
                            buy(store, who, random.nextInt(400), false);
                        }
                    }
                });
                case 3 -> jdbc.sql("delete from purchase where customer_id = :c").param("c", someone).update();
                case 4 -> { // a merge: one client's purchases move to another
                    long other = clients[random.nextInt(clients.length)];
                    jdbc.sql("update purchase set customer_id = :to where customer_id = :from")
                            .param("to", other).param("from", someone).update();
                }
                case 5 -> { // a client buys in another store, which becomes theirs
                    long elsewhere = stores.get((storeIndex + 1) % stores.size());
                    buy(elsewhere, someone, 0, false);
                }
                default -> { // nobody buys
                }
            }
            // Days pass, across the 30 / 90 / 180 / 365-day recency bands and the 30 days of a newcomer.
            clock.advance(Duration.ofDays(random.nextInt(75)).plusHours(random.nextInt(24)));

            SegmentRefresh refresh = segments.refresh(SegmentRefresh.Reason.PURCHASES_CHANGED);
            assertThat(refresh.recomputed()).as("step %d refreshed what changed", step).isFalse();
            List<String> changedOnly = state(stores);

            int at = step;
            List<String> recomputed = new TransactionTemplate(transactions).execute(status -> {
                assertThat(segments.refresh(SegmentRefresh.Reason.ON_DEMAND).recomputed()).isTrue();
                assertThat(storedQuintiles(stores)).as("step %d: F and M as ADR 0060 defines them", at)
                        .isEqualTo(percentRankQuintiles(stores));
                List<String> all = state(stores);
                status.setRollbackOnly();
                return all;
            });
            assertThat(changedOnly).as("step %d (%s)", step, step % 7).isEqualTo(recomputed);
        }
        assertThat(state(stores)).anyMatch(row -> row.contains("LAPSED")).anyMatch(row -> row.contains("CHAMPIONS"));
    }

    @Test
    void aRefreshAfterOneClientBoughtLeavesTheRowsOfOtherStoresAlone() {
        long store = StandardsTestSupport.storeClosedOnSunday(organization);
        long other = StandardsTestSupport.storeClosedOnSunday(organization);
        long buyer = StandardsTestSupport.client(book, store, "Buyer", "Seg" + UUID.randomUUID());
        buy(store, buyer, 200, false);
        List<Long> others = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long c = StandardsTestSupport.client(book, other, "Other" + i, "Seg" + UUID.randomUUID());
            buy(other, c, 10 * i, false);
            others.add(c);
        }
        segments.refresh(SegmentRefresh.Reason.ON_DEMAND);
        List<String> before = versions(others);
        assertThat(segments.of(buyer).orElseThrow().segment()).isNotEqualTo(Segment.NEW);

        buy(store, buyer, 0, false);
        SegmentRefresh refresh = segments.refresh(SegmentRefresh.Reason.PURCHASES_CHANGED);

        assertThat(refresh.recomputed()).isFalse();
        assertThat(segments.of(buyer).orElseThrow().recencyScore()).isEqualTo(5);
        assertThat(segments.of(buyer).orElseThrow().visits()).isEqualTo(2);
        assertThat(versions(others)).as("rows of the other store, by row version").isEqualTo(before);
        assertThat(segments.outOfDate()).isFalse();
    }

    private long storeOf(List<Long> stores, List<long[]> clientsOf, long client) {
        for (int i = 0; i < stores.size(); i++) {
            for (long c : clientsOf.get(i)) {
                if (c == client) {
                    return stores.get(i);
                }
            }
        }
        throw new IllegalArgumentException("unknown client " + client);
    }

    /** A purchase (or a return) of the client, daysAgo days before now; totals repeat so quintiles see ties. */
    private void buy(long store, long client, int daysAgo, boolean isReturn) {
        BigDecimal total = BigDecimal.valueOf(10L * (1 + random.nextInt(12)));
        jdbc.sql("""
                insert into purchase (store_id, invoice_no, customer_id, purchased_at, country, total, items, line_count,
                                      is_return)
                values (:store, :invoice, :client, :at, 'PL', :total, 1, 1, :isReturn)
                """)
                .param("store", store).param("invoice", "SEG-" + UUID.randomUUID() + "-" + invoice++)
                .param("client", client)
                .param("at", Timestamp.from(clock.instant().minus(Duration.ofDays(daysAgo))
                        .minus(Duration.ofMinutes(random.nextInt(600)))))
                .param("total", isReturn ? total.negate() : total).param("isReturn", isReturn)
                .update();
    }

    /** Every row of these stores' clients, the stores' client counts and quintile steps, as text. */
    private List<String> state(List<Long> stores) {
        Long[] ids = stores.toArray(Long[]::new);
        List<String> rows = new ArrayList<>(jdbc.sql("""
                select concat_ws(' ', customer_id, store_id, segment, recency_score, frequency_score, monetary_score,
                                 visits, net_spend, first_purchase_at, last_purchase_at)
                  from book_client_segment where store_id = any(cast(:stores as bigint[])) order by customer_id
                """).param("stores", ids).query(String.class).list());
        rows.addAll(jdbc.sql("""
                select concat_ws(' ', 'store', store_id, clients) from book_segment_store
                 where store_id = any(cast(:stores as bigint[])) and clients > 0 order by store_id
                """).param("stores", ids).query(String.class).list());
        rows.addAll(jdbc.sql("""
                select concat_ws(' ', 'step', t.store_id, measure, score, coalesce(value::text, 'none'), below, equal)
                  from book_segment_threshold t join book_segment_store n using (store_id)
                 where t.store_id = any(cast(:stores as bigint[])) and n.clients > 0 order by 1
                """).param("stores", ids).query(String.class).list());
        return rows;
    }

    private List<String> storedQuintiles(List<Long> stores) {
        return jdbc.sql("""
                select concat_ws(' ', customer_id, frequency_score, monetary_score) from book_client_segment
                 where store_id = any(cast(:stores as bigint[])) order by customer_id
                """).param("stores", stores.toArray(Long[]::new)).query(String.class).list();
    }

    /** ADR 0060's definition: 1 + floor(5 × percent_rank()) within the store, capped at 5. */
    private List<String> percentRankQuintiles(List<Long> stores) {
        return jdbc.sql("""
                select concat_ws(' ', customer_id,
                                 least(5, 1 + floor(5 * percent_rank() over (partition by store_id order by visits)))::int,
                                 least(5, 1 + floor(5 * percent_rank() over (partition by store_id order by net_spend)))::int)
                  from purchase_client_figures
                 where visits > 0 and store_id = any(cast(:stores as bigint[]))
                 order by customer_id
                """).param("stores", stores.toArray(Long[]::new)).query(String.class).list();
    }

    private List<String> versions(List<Long> clients) {
        return jdbc.sql("""
                select customer_id || ':' || xmin::text from book_client_segment
                 where customer_id = any(cast(:ids as bigint[])) order by customer_id
                """).param("ids", clients.toArray(Long[]::new)).query(String.class).list();
    }
}
