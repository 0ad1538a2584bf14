package org.ruleone.rankings.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.ruleone.organization.AssociateSummary;
import org.ruleone.rankings.Period;
import org.ruleone.rankings.Ranking;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rankings kept between requests for the home pages' rankings card (a chain's ranking reads and ranks 3,000
 * associates' facts: most of the owner's home; issue 16). An entry holds while no fact or weight was written on this
 * node since it was computed (a generation bumped after each such commit), its peers are the same people with the
 * same names, roles, stores and state, and it is younger than {@link #KEEP}: facts written by another node show
 * within that. A ranking computed while a write committed is not kept.
 */
@Component
public class RankingCache {

    static final Duration KEEP = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 64;

    /** What a ranking depends on besides the facts and weights: where, when, and who. */
    public record Key(Optional<Long> store, Period period, List<AssociateSummary> peers) {
    }

    private record Entry(Ranking ranking, long computedAt, long generation) {
    }

    private final AtomicLong generation = new AtomicLong();
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

    public Ranking get(Key key, Supplier<Ranking> compute) {
        long seen = generation.get();
        Entry kept = entries.get(key);
        if (kept != null && kept.generation() == seen && System.nanoTime() - kept.computedAt() < KEEP.toNanos()) {
            return kept.ranking();
        }
        long started = System.nanoTime();
        Ranking ranking = compute.get();
        if (generation.get() == seen) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(ranking, started, seen));
        }
        return ranking;
    }

    /** A fact or the weights were written: once the writing transaction commits, nothing kept is used again. */
    public void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        } else {
            forget();
        }
    }

    private void forget() {
        generation.incrementAndGet();
        entries.clear();
    }
}
