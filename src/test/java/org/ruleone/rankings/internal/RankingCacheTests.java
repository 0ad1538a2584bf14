package org.ruleone.rankings.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Role;
import org.ruleone.rankings.Period;
import org.ruleone.rankings.Ranking;
import org.ruleone.shared.Language;

import static org.assertj.core.api.Assertions.assertThat;

/** The home card's rankings are kept only while nothing they depend on changed. */
class RankingCacheTests {

    private final RankingCache cache = new RankingCache();
    private final AtomicInteger computed = new AtomicInteger();
    private static final Period MONTH = Period.month(YearMonth.of(2026, 12));
    private static final AssociateSummary ANNA = new AssociateSummary(1, "Anna", "anna@example.com",
            Role.ASSOCIATE, 7L, LocalDate.of(2020, 1, 1), Language.EN, true);

    private Ranking compute() {
        computed.incrementAndGet();
        return new Ranking(MONTH, Optional.of(7L), null, List.of(), false);
    }

    private RankingCache.Key key(AssociateSummary... peers) {
        return new RankingCache.Key(Optional.of(7L), MONTH, List.of(peers));
    }

    @Test
    void aRankingIsComputedOnceWhileNothingChanges() {
        Ranking first = cache.get(key(ANNA), this::compute);
        Ranking again = cache.get(key(ANNA), this::compute);

        assertThat(again).isSameAs(first);
        assertThat(computed).hasValue(1);
    }

    @Test
    void aWrittenFactOrAChangedPeerMakesItComputedAgain() {
        cache.get(key(ANNA), this::compute);
        cache.changed();
        cache.get(key(ANNA), this::compute);
        assertThat(computed).as("after a fact").hasValue(2);

        AssociateSummary renamed = new AssociateSummary(1, "Anna Nowak", "anna@example.com", Role.ASSOCIATE, 7L,
                LocalDate.of(2020, 1, 1), Language.EN, true);
        cache.get(key(renamed), this::compute);
        assertThat(computed).as("after a peer's change").hasValue(3);
        cache.get(key(), this::compute);
        assertThat(computed).as("after a peer left").hasValue(4);
    }

    @Test
    void aRankingComputedWhileAFactWasWrittenIsNotKept() {
        cache.get(key(ANNA), () -> {
            cache.changed(); // a listener commits while the ranking is read
            return compute();
        });
        cache.get(key(ANNA), this::compute);

        assertThat(computed).hasValue(2);
    }
}
