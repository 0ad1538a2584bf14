package org.ruleone.rankings.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.junit.jupiter.api.Test;
import org.ruleone.rankings.Component;
import org.ruleone.rankings.Period;
import org.ruleone.rankings.Ranking;
import org.ruleone.rankings.Ranking.Ranked;
import org.ruleone.rankings.Weights;

class RankerTests {

    private static final Period MARCH = Period.month(YearMonth.of(2026, 3));

    private static Weights only(Component c) {
        return new Weights(Map.of(c, 100));
    }

    private static Ranking rank(Weights weights, Ranker.Entry... peers) {
        return Ranker.rank(MARCH, Optional.of(1L), weights, List.of(peers));
    }

    private static Ranker.Entry peer(long id, String name, Map<Component, Measure> measures) {
        return new Ranker.Entry(id, name, measures);
    }

    private static Ranked row(Ranking ranking, long id) {
        return ranking.rows().stream().filter(r -> r.associateId() == id).findFirst().orElseThrow();
    }

    @Test
    void ranksThreePerfectAnswersBelowFortyMostlyHappyOnesByTheLowerBound() {
        Ranking ranking = rank(only(Component.EXPERIENCE),
                peer(1, "Ann", Map.of(Component.EXPERIENCE, Measure.share(3, 3))),
                peer(2, "Bob", Map.of(Component.EXPERIENCE, Measure.share(34, 40))));

        assertThat(ranking.rows()).extracting(Ranked::name).containsExactly("Bob", "Ann");
        assertThat(row(ranking, 1).components().get(Component.EXPERIENCE).thin()).isTrue();
        assertThat(row(ranking, 1).components().get(Component.EXPERIENCE).dataPoints()).isEqualTo(3);
        assertThat(row(ranking, 2).components().get(Component.EXPERIENCE).thin()).isFalse();
    }

    @Test
    void usesTheRawShareOnceThereAreTenDataPoints() {
        assertThat(Ranker.rankable(Measure.share(10, 10))).isEqualTo(1.0);
        assertThat(Ranker.rankable(Measure.share(3, 3)))
                .isCloseTo(new WilsonScoreInterval().createInterval(3, 3, 0.95).getLowerBound(), within(1e-12))
                .isLessThan(0.5);
        assertThat(Ranker.rankable(Measure.NONE_SHARE)).isZero();
    }

    @Test
    void boundsAThinMeanAsCommonsMathBoundsTheSameShare() {
        double expected = new WilsonScoreInterval().createInterval(4, 3, 0.95).getLowerBound();
        assertThat(Ranker.wilsonLower(0.75, 4)).isCloseTo(expected, within(1e-9));
        assertThat(Ranker.rankable(Measure.mean(0.9, 2))).isLessThan(0.9);
    }

    @Test
    void scalesByMidRankPercentileWithEqualValuesSharingTheMiddle() {
        assertThat(Ranker.percentiles(new double[] {5, 1, 3})).containsExactly(100, 0, 50);
        assertThat(Ranker.percentiles(new double[] {2, 2, 1})).containsExactly(75, 75, 0);
        assertThat(Ranker.percentiles(new double[] {7})).containsExactly(50);
        assertThat(Ranker.percentiles(new double[] {4, 4, 4, 4})).containsExactly(50, 50, 50, 50);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 42, 2026})
    void percentilesOfManyPeersAreThoseOfComparingEveryPair(long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[] values = new double[1 + random.nextInt(400)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(10) == 0 ? 0.5 : random.nextInt(20) / 4.0; // many ties, as real measures have
        }
        double[] expected = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            int below = 0;
            int equal = 0;
            for (int j = 0; j < values.length; j++) {
                if (j != i && values[j] < values[i]) {
                    below++;
                } else if (j != i && values[j] == values[i]) {
                    equal++;
                }
            }
            expected[i] = values.length < 2 ? 50 : 100.0 * (below + equal / 2.0) / (values.length - 1);
        }
        assertThat(Ranker.percentiles(values)).containsExactly(expected);
    }

    @Test
    void equalScoresShareARankAndTheNextRankSkips() {
        Ranking ranking = rank(only(Component.HEROICS),
                peer(1, "Ann", Map.of(Component.HEROICS, Measure.total(5))),
                peer(2, "Bob", Map.of(Component.HEROICS, Measure.total(3))),
                peer(3, "Cyd", Map.of(Component.HEROICS, Measure.total(3))),
                peer(4, "Dan", Map.of(Component.HEROICS, Measure.total(0))));

        assertThat(ranking.rows()).extracting(Ranked::rank).containsExactly(1, 2, 2, 4);
        assertThat(ranking.rows()).extracting(Ranked::name).containsExactly("Ann", "Bob", "Cyd", "Dan");
    }

    @Test
    void weighsTheScaledComponentsSoTheWeightsDecideTheOrder() {
        Map<Component, Measure> seller = Map.of(Component.SALES, Measure.total(9000),
                Component.EXPERIENCE, Measure.share(20, 40));
        Map<Component, Measure> server = Map.of(Component.SALES, Measure.total(1000),
                Component.EXPERIENCE, Measure.share(36, 40));

        Ranking byDefaults = rank(Weights.DEFAULTS, peer(1, "Seller", seller), peer(2, "Server", server));
        Ranking salesHeavy = rank(new Weights(Map.of(Component.SALES, 20, Component.HEROICS, 80)),
                peer(1, "Seller", seller), peer(2, "Server", server));

        assertThat(byDefaults.rows().getFirst().name()).isEqualTo("Server");
        assertThat(row(byDefaults, 2).score()).isEqualTo(25 + 60 * 0.5);
        assertThat(row(byDefaults, 2).components().get(Component.EXPERIENCE).value()).isEqualTo(100);
        assertThat(salesHeavy.rows().getFirst().name()).isEqualTo("Seller");
    }

    @Test
    void explainsARankByItsTwoStrongestAndWeakestWeighedComponents() {
        Ranking ranking = rank(Weights.DEFAULTS,
                peer(1, "Ann", Map.of(Component.EXPERIENCE, Measure.share(30, 30), Component.HEROICS, Measure.total(4),
                        Component.SALES, Measure.total(10))),
                peer(2, "Bob", Map.of(Component.EXPERIENCE, Measure.share(10, 30), Component.HEROICS, Measure.total(1),
                        Component.SALES, Measure.total(500))));

        Ranked ann = row(ranking, 1);
        assertThat(ann.strongest()).containsExactly(Component.EXPERIENCE, Component.HEROICS);
        assertThat(ann.weakest()).containsExactly(Component.SALES, Component.CAME_BACK);
    }

    @Test
    void neverNamesAComponentBothStrongestAndWeakest() {
        Ranking ranking = rank(new Weights(Map.of(Component.HEROICS, 80, Component.SALES, 20)),
                peer(1, "Ann", Map.of(Component.HEROICS, Measure.total(4))),
                peer(2, "Bob", Map.of(Component.HEROICS, Measure.total(1))));

        assertThat(row(ranking, 1).strongest()).containsExactly(Component.HEROICS, Component.SALES);
        assertThat(row(ranking, 1).weakest()).isEmpty();
    }

    @Test
    void saysNothingWasMeasuredWhenNobodyHasAnAnswerAHeroicOrASaleSoTheTopNamesNobody() {
        Ranking nothing = rank(Weights.DEFAULTS, peer(1, "Ann", Map.of()),
                peer(2, "Bob", Map.of(Component.EXPERIENCE, Measure.share(0, 0), Component.SALES, Measure.total(0))));
        Ranking one = rank(Weights.DEFAULTS, peer(1, "Ann", Map.of()),
                peer(2, "Bob", Map.of(Component.HEROICS, Measure.total(1))));

        assertThat(nothing.measured()).isFalse();
        assertThat(nothing.rows()).extracting(Ranked::score).containsOnly(50.0);
        assertThat(org.ruleone.rankings.Rankings.top(nothing, 3)).isEmpty();
        assertThat(one.measured()).isTrue();
        assertThat(org.ruleone.rankings.Rankings.top(one, 3)).extracting(t -> t.name()).containsExactly("Bob", "Ann");
    }

    @Test
    void refusesWeightsThatDoNotAddUpOrPutSalesAboveTwenty() {
        assertThat(Weights.DEFAULTS.sum()).isEqualTo(100);
        assertThat(Weights.DEFAULTS.problems()).isEmpty();
        assertThat(new Weights(Map.of(Component.EXPERIENCE, 50, Component.SALES, 40)).problems())
                .containsExactly("rankings.weights.problem.sum", "rankings.weights.problem.sales");
        assertThat(new Weights(Map.of(Component.EXPERIENCE, 130, Component.SALES, -30)).problems())
                .contains("rankings.weights.problem.range");
    }

    @Test
    void readsMonthsAndQuarters() {
        assertThat(Period.parse("2026-Q2")).contains(Period.quarterOf(YearMonth.of(2026, 5)));
        assertThat(Period.parse("2026-Q2").orElseThrow().until()).isEqualTo(YearMonth.of(2026, 7).atDay(1));
        assertThat(Period.parse("2026-03")).contains(MARCH);
        assertThat(Period.parse("2026-13")).isEmpty();
        assertThat(MARCH.previous().key()).isEqualTo("2026-02");
    }
}
