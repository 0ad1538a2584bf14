package org.ruleone.rankings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.rankings.internal.Facts;
import org.ruleone.rankings.internal.Measure;
import org.ruleone.rankings.internal.Ranker;
import org.ruleone.rankings.internal.RankingCache;
import org.ruleone.rankings.internal.WeightHistory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Power rankings (ADRs 0110 and 0111): the associates of a store, or of the chain, for a month or a quarter, with
 * the weights in force for it; the weights and their history. Who may see which store is the caller's business
 * ({@link #mayView}).
 */
@Service
public class Rankings {

    private final Organization organization;
    private final Facts facts;
    private final WeightHistory weights;
    private final Clock clock;
    private final RankingCache cache;

    Rankings(Organization organization, Facts facts, WeightHistory weights, Clock clock, RankingCache cache) {
        this.cache = cache;
        this.organization = organization;
        this.facts = facts;
        this.weights = weights;
        this.clock = clock;
    }

    /** The current month (days counted in UTC for the chain). */
    public YearMonth thisMonth() {
        return YearMonth.from(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** Associates see their own store; managers theirs; the owner any store and the chain (empty). */
    public static boolean mayView(SignedInAssociate me, Optional<Long> store) {
        return me.isOwner() || store.isPresent() && me.storeId() != null && me.storeId().equals(store.get());
    }

    /** The active associates and managers of the store (or of the chain) ranked for the period. */
    @Transactional(readOnly = true)
    public Ranking ranking(Optional<Long> store, Period period) {
        return rank(store, period, peers(store));
    }

    /**
     * The same ranking for a home page's card, kept between requests while no fact, weight or peer changed (at most a
     * minute, for facts written by another node): a chain's ranking is most of the owner's home.
     */
    @Transactional(readOnly = true)
    public Ranking rankingForCard(Optional<Long> store, Period period) {
        List<AssociateSummary> peers = peers(store);
        return cache.get(new RankingCache.Key(store, period, peers), () -> rank(store, period, peers));
    }

    private List<AssociateSummary> peers(Optional<Long> store) {
        return organization.associates(store).stream().filter(AssociateSummary::active)
                .filter(a -> a.role() != Role.OWNER).toList();
    }

    private Ranking rank(Optional<Long> store, Period period, List<AssociateSummary> active) {
        Map<Long, AssociateSummary> peers = new LinkedHashMap<>();
        active.forEach(a -> peers.put(a.id(), a));
        Map<Long, Long> storeOf = new HashMap<>();
        peers.values().forEach(a -> storeOf.put(a.id(), a.storeId()));
        Map<Long, Map<Component, Measure>> measures = facts.of(storeOf, period);
        List<Ranker.Entry> entries = peers.values().stream()
                .map(a -> new Ranker.Entry(a.id(), a.name(), measures.getOrDefault(a.id(), Map.of()))).toList();
        return Ranker.rank(period, store, weights.inForce(period), entries);
    }

    /** The top {@code n} of a store's (or the chain's) ranking for a month, for the home dashboards. */
    public List<TopAssociate> top(Optional<Long> store, YearMonth month, int n) {
        return top(ranking(store, Period.month(month)), n);
    }

    /** The top {@code n} of a ranking: nobody while nothing is measured (everyone would be at 50, in name order). */
    public static List<TopAssociate> top(Ranking ranking, int n) {
        if (!ranking.measured()) {
            return List.of();
        }
        return ranking.rows().stream().limit(n)
                .map(r -> new TopAssociate(r.associateId(), r.name(), r.rank(), r.score())).toList();
    }

    /** The rankings of this period and the {@code count - 1} before it, oldest first. */
    public List<Ranking> lastPeriods(Optional<Long> store, Period period, int count) {
        List<Ranking> rankings = new ArrayList<>();
        Period p = period;
        for (int i = 0; i < count; i++) {
            rankings.add(0, ranking(store, p));
            p = p.previous();
        }
        return rankings;
    }

    public Weights weightsFor(Period period) {
        return weights.inForce(period);
    }

    /** The weights the next change would start from: those of next month. */
    public Weights currentWeights() {
        return weights.inForce(Period.month(thisMonth().plusMonths(1)));
    }

    public List<WeightChange> weightChanges() {
        return weights.changes();
    }

    /**
     * The owner changes the weights; they apply from next month (and so from the next quarter that starts after
     * it), never to a period already begun. Returns the message keys of what is wrong; nothing is saved then.
     */
    @Transactional
    public List<String> changeWeights(Weights proposed, SignedInAssociate by) {
        if (!by.isOwner()) {
            return List.of("rankings.weights.problem.ownerOnly");
        }
        List<String> problems = proposed.problems();
        if (problems.isEmpty()) {
            weights.record(proposed, thisMonth().plusMonths(1), by.id(), clock.instant());
        }
        return problems;
    }
}
