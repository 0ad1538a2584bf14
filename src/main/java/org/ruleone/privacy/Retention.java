package org.ruleone.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.customers.RetentionTarget;
import org.ruleone.customers.RetentionTarget.RetentionRule;
import org.ruleone.customers.RetentionTarget.RetentionUnit;
import org.ruleone.customers.RetentionTarget.Touched;
import org.ruleone.privacy.internal.RetentionRecords;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The owner's retention rules (ADR 0118): each rule off until the owner sets a period; the preview and the run ask
 * the same {@link RetentionTarget}s with the same cut-offs, so the preview shows what the next run will touch.
 */
@Service
public class Retention {

    /** How many items of each rule the preview names. */
    public static final int SAMPLE = 5;

    private final ObjectProvider<RetentionTarget> targets;
    private final RetentionRecords records;
    private final Clock clock;

    Retention(ObjectProvider<RetentionTarget> targets, RetentionRecords records, Clock clock) {
        this.targets = targets;
        this.records = records;
        this.clock = clock;
    }

    /** A rule as the owner set it; an empty period means off. */
    public record Setting(RetentionRule rule, Optional<Integer> period) {
    }

    /** What a rule in force touches with the cut-off the clock gives now. */
    public record Planned(RetentionRule rule, int period, Instant cutOff, Touched touched) {
    }

    /** One run: when, what each rule touched, and who started it (empty for the nightly run). */
    public record Run(long id, Instant startedAt, Instant finishedAt, Map<RetentionRule, Long> touched,
                      Optional<Long> startedBy) {

        public long total() {
            return touched.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public List<Setting> settings() {
        Map<RetentionRule, Integer> set = records.periods();
        return java.util.Arrays.stream(RetentionRule.values())
                .map(rule -> new Setting(rule, Optional.ofNullable(set.get(rule)))).toList();
    }

    /** Sets a rule's period (empty: off); only the owner may (the web layer checks). */
    public void set(RetentionRule rule, Optional<Integer> period, long by) {
        period.filter(p -> !allowed(rule, p)).ifPresent(p -> {
            throw new IllegalArgumentException("period out of range: " + p);
        });
        records.set(rule, period.orElse(null), by, clock.instant());
    }

    /** A period the owner may set: at least one day or year, at most a hundred years. */
    public static boolean allowed(RetentionRule rule, int period) {
        return period > 0 && period <= 100 * (rule.unit() == RetentionUnit.DAYS ? 366 : 1);
    }

    /** What the next run would touch if it ran now, rule by rule (the rules in force only). */
    public List<Planned> preview() {
        Instant now = clock.instant();
        List<Planned> planned = new ArrayList<>();
        inForce(now).forEach((rule, cutOff) -> target(rule).ifPresent(t ->
                planned.add(new Planned(rule, records.periods().get(rule), cutOff, t.preview(cutOff, SAMPLE)))));
        return planned;
    }

    /**
     * Applies every rule in force and logs the run. The caller holds the lock that makes it run once across nodes
     * ({@code RetentionSchedule}).
     */
    public Run run(Optional<Long> by) {
        Instant started = clock.instant();
        Map<RetentionRule, Long> touched = new EnumMap<>(RetentionRule.class);
        inForce(started).forEach((rule, cutOff) ->
                target(rule).ifPresent(t -> touched.put(rule, (long) t.apply(cutOff))));
        return records.logRun(started, clock.instant(), touched, by.orElse(null));
    }

    public List<Run> runs(int limit) {
        return records.runs(limit);
    }

    /** The cut-off of a period counted back from now, in whole days or years (UTC). */
    public static Instant cutOff(Instant now, RetentionRule rule, int period) {
        var utc = now.atOffset(ZoneOffset.UTC);
        return (rule.unit() == RetentionUnit.DAYS ? utc.minusDays(period) : utc.minusYears(period)).toInstant();
    }

    private Map<RetentionRule, Instant> inForce(Instant now) {
        Map<RetentionRule, Instant> cutOffs = new LinkedHashMap<>();
        Map<RetentionRule, Integer> periods = records.periods();
        for (RetentionRule rule : RetentionRule.values()) {
            Integer period = periods.get(rule);
            if (period != null) {
                cutOffs.put(rule, cutOff(now, rule, period));
            }
        }
        return cutOffs;
    }

    private Optional<RetentionTarget> target(RetentionRule rule) {
        return targets.orderedStream().filter(t -> t.rule() == rule).findFirst();
    }
}
