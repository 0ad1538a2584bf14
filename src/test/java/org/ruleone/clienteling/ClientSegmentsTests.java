package org.ruleone.clienteling;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The segment method of docs/adr/0060-client-segments.md on a small store where each client is built for one
 * segment. Frequency and monetary quintiles are ranks within the store: among the eight clients who bought,
 * 1 visit ranks 1/5, 3 visits 3/5, 4 visits 4/5, 5 or 6 visits 5/5.
 */
@IntegrationTest
@Import(BookFixtures.class)
class ClientSegmentsTests {

    @Autowired BookFixtures fixtures;
    @Autowired Segments segments;
    @Autowired JdbcClient jdbc;
    @Autowired org.ruleone.purchases.ClientPurchaseFigures purchaseFigures;
    @Autowired DataSource dataSource;

    long store;
    long champion, loyal, promising, newcomer, fading, slipping, atRisk, lapsed, onlyReturns, neverBought;

    @BeforeEach
    void aStoreWithOneClientPerSegment() {
        store = fixtures.store();
        champion = client("Champion");
        fixtures.visits(store, champion, 6, "3000", 400, 5);
        loyal = client("Loyal");
        fixtures.visits(store, loyal, 5, "500", 500, 100);
        promising = client("Promising");
        fixtures.visits(store, promising, 1, "100", 60, 60);
        newcomer = client("Newcomer");
        fixtures.visits(store, newcomer, 1, "50", 10, 10);
        fading = client("Fading");
        fixtures.visits(store, fading, 1, "40", 150, 150);
        slipping = client("Slipping");
        fixtures.visits(store, slipping, 1, "30", 200, 200);
        atRisk = client("AtRisk");
        fixtures.visits(store, atRisk, 4, "2000", 700, 250);
        lapsed = client("Lapsed");
        fixtures.visits(store, lapsed, 3, "900", 900, 500);
        onlyReturns = client("OnlyReturns");
        fixtures.returned(store, onlyReturns, 20, "70");
        neverBought = client("NeverBought");
    }

    private long client(String name) {
        return fixtures.client(store, name, "Client", null, List.of());
    }

    @Test
    void putsEachClientInTheSegmentBuiltForThem() {
        segments.refresh(SegmentRefresh.Reason.ON_DEMAND);

        Map<Long, ClientSegment> found = segments.of(List.of(champion, loyal, promising, newcomer, fading, slipping,
                atRisk, lapsed, onlyReturns, neverBought));
        assertThat(found).hasSize(8);
        assertThat(found.get(champion).segment()).isEqualTo(Segment.CHAMPIONS);
        assertThat(found.get(loyal).segment()).isEqualTo(Segment.LOYAL);
        assertThat(found.get(promising).segment()).isEqualTo(Segment.PROMISING);
        assertThat(found.get(newcomer).segment()).isEqualTo(Segment.NEW);
        assertThat(found.get(fading).segment()).isEqualTo(Segment.NEEDS_ATTENTION);
        assertThat(found.get(slipping).segment()).isEqualTo(Segment.NEEDS_ATTENTION);
        assertThat(found.get(atRisk).segment()).isEqualTo(Segment.AT_RISK);
        assertThat(found.get(lapsed).segment()).isEqualTo(Segment.LAPSED);
        assertThat(found).doesNotContainKeys(onlyReturns, neverBought);
    }

    @Test
    void keepsTheScoresAndWhenTheyWereComputed() {
        segments.refresh(SegmentRefresh.Reason.ON_DEMAND);

        ClientSegment best = segments.of(champion).orElseThrow();
        assertThat(best.recencyScore()).isEqualTo(5);
        assertThat(best.frequencyScore()).isEqualTo(5);
        assertThat(best.monetaryScore()).isEqualTo(5);
        assertThat(best.visits()).isEqualTo(6);
        assertThat(best.recencyDays()).isEqualTo(5);
        assertThat(best.computedAt()).isEqualTo(BookFixtures.NOW);
        ClientSegment drifting = segments.of(atRisk).orElseThrow();
        assertThat(List.of(drifting.recencyScore(), drifting.frequencyScore(), drifting.monetaryScore()))
                .containsExactly(2, 4, 5);
        ClientSegment gone = segments.of(slipping).orElseThrow();
        assertThat(List.of(gone.recencyScore(), gone.frequencyScore(), gone.monetaryScore()))
                .containsExactly(2, 1, 1);
        assertThat(segments.lastRefreshedAt()).isPresent();
    }

    @Test
    void aNewPurchaseMakesSegmentsOutOfDateAndTheNextRefreshMovesTheClient() {
        segments.refresh(SegmentRefresh.Reason.ON_DEMAND);
        assertThat(segments.outOfDate()).isFalse();

        fixtures.purchase(store, lapsed, 2, "120");
        assertThat(segments.outOfDate()).isTrue();
        assertThat(segments.of(lapsed).orElseThrow().segment()).isEqualTo(Segment.LAPSED);

        SegmentRefresh refresh = segments.refresh(SegmentRefresh.Reason.PURCHASES_CHANGED);
        assertThat(refresh.clients()).isGreaterThanOrEqualTo(8);
        assertThat(segments.of(lapsed).orElseThrow().segment()).isNotEqualTo(Segment.LAPSED);
        assertThat(segments.of(lapsed).orElseThrow().recencyDays()).isEqualTo(2);
        assertThat(segments.outOfDate()).isFalse();
    }

    @Test
    void theNightlyRefreshFiredOnEveryNodeRunsOnce() {
        long before = scheduledRefreshes();

        // Each node's nightly schedule fires, one after the other (the first has finished, clocks differ slightly).
        assertThat(segments.refreshOnSchedule(SegmentRefresh.Reason.SCHEDULED)).isPresent();
        assertThat(segments.refreshOnSchedule(SegmentRefresh.Reason.SCHEDULED)).isEmpty();

        assertThat(scheduledRefreshes()).isEqualTo(before + 1);
    }

    @Test
    void afterPurchasesOneNodeRefreshesAndTheOthersFindTheSegmentsUpToDate() throws Exception {
        assertThat(segments.outOfDate()).as("the clients of this test bought").isTrue();

        // Another node is refreshing right now: this one leaves it to that node rather than wait and redo it.
        try (Connection otherNode = dataSource.getConnection(); Statement s = otherNode.createStatement()) {
            s.execute("select pg_advisory_lock(hashtext('book_client_segment'))");
            assertThat(segments.refreshOnSchedule(SegmentRefresh.Reason.PURCHASES_CHANGED)).isEmpty();
            s.execute("select pg_advisory_unlock(hashtext('book_client_segment'))");
        }
        assertThat(segments.refreshOnSchedule(SegmentRefresh.Reason.PURCHASES_CHANGED)).isPresent();
        assertThat(segments.refreshOnSchedule(SegmentRefresh.Reason.PURCHASES_CHANGED)).isEmpty();
        assertThat(segments.of(champion).orElseThrow().segment()).isEqualTo(Segment.CHAMPIONS);
    }

    private long scheduledRefreshes() {
        return jdbc.sql("select count(*) from book_segment_refresh where reason = 'SCHEDULED'")
                .query(Long.class).single();
    }

    @Test
    void aClientWhoseOnlyPurchaseIsReturnedLeavesTheirSegment() {
        segments.refresh(SegmentRefresh.Reason.ON_DEMAND);
        assertThat(segments.of(newcomer)).isPresent();

        jdbc.sql("update purchase set is_return = true where customer_id = :id").param("id", newcomer).update();
        segments.refresh(SegmentRefresh.Reason.ON_DEMAND);

        assertThat(segments.of(newcomer)).isEmpty();
    }

    @Test
    void purchaseFiguresCountReturnsAgainstSpendButNotAsVisits() {
        fixtures.returned(store, champion, 4, "200");

        var figures = purchaseFigures.of(champion).orElseThrow();
        assertThat(figures.visits()).isEqualTo(6);
        assertThat(figures.returns()).isEqualTo(1);
        assertThat(figures.netSpend()).isEqualByComparingTo("2800");
        assertThat(figures.lastPurchaseAt()).isEqualTo(BookFixtures.NOW.minus(java.time.Duration.ofDays(5)));
        assertThat(figures.storeId()).isEqualTo(store);
        assertThat(purchaseFigures.of(neverBought)).isEmpty();
        assertThat(purchaseFigures.recent(List.of(champion, newcomer), 2))
                .extracting(org.ruleone.purchases.RecentPurchase::customerId, org.ruleone.purchases.RecentPurchase::isReturn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(champion, true),
                        org.assertj.core.groups.Tuple.tuple(champion, false));
    }

    @Test
    void anAudienceBuilderPicksClientsBySegmentInSql() {
        segments.refresh(SegmentRefresh.Reason.ON_DEMAND);

        List<Long> drifting = jdbc.sql("select customer_id from " + Segments.SQL_VIEW
                        + " where store_id = :store and segment in ('AT_RISK', 'LAPSED') order by customer_id")
                .param("store", store).query(Long.class).list();

        assertThat(drifting).containsExactly(atRisk, lapsed);
    }
}
