package org.ruleone.standards.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.ruleone.standards.BusinessCalendar;
import org.ruleone.standards.ServiceStandards;
import org.ruleone.standards.Standard;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How often each store and associate met the standards over a period: shares met for first response, resolution
 * and phone answer, with medians of business minutes and rings. A due time still running is not counted yet.
 */
@Component
public class ServiceFigures {

    private final CaseClocks clocks;
    private final ServiceStandards standards;
    private final JdbcClient jdbc;
    private final Clock clock;

    ServiceFigures(CaseClocks clocks, ServiceStandards standards, JdbcClient jdbc, Clock clock) {
        this.clocks = clocks;
        this.standards = standards;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Met out of counted, and the median of the values seen. */
    public record Tally(int met, int counted, List<Long> values) {
        public Integer percentMet() {
            return counted == 0 ? null : Math.round(met * 100f / counted);
        }

        public Long median() {
            if (values.isEmpty()) {
                return null;
            }
            List<Long> sorted = values.stream().sorted().toList();
            int mid = sorted.size() / 2;
            return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
        }
    }

    /** One line of figures: a store ({@code associateId} null) or an associate of it (0 when nobody had it). */
    public record Row(long storeId, Long associateId, Tally firstResponse, Tally resolution, Tally phone) {
    }

    private static final class Acc {
        int fMet, fCount, rMet, rCount, pMet, pCount;
        final List<Long> fMinutes = new ArrayList<>(), rMinutes = new ArrayList<>(), rings = new ArrayList<>();

        Row row(long store, Long associate) {
            return new Row(store, associate, new Tally(fMet, fCount, fMinutes), new Tally(rMet, rCount, rMinutes),
                    new Tally(pMet, pCount, rings));
        }
    }

    private record Key(long store, Long associate) {
    }

    public List<Row> since(Instant since, Optional<Long> store) {
        Instant now = clock.instant();
        Map<Long, BusinessCalendar> calendars = new HashMap<>();
        Function<Long, BusinessCalendar> calendarOf = id -> calendars.computeIfAbsent(id, standards::calendarOf);
        Map<Key, Acc> acc = new LinkedHashMap<>();
        for (CaseClock c : clocks.openedSince(since, store)) {
            BusinessCalendar calendar = calendarOf.apply(c.storeId());
            for (Standard standard : List.of(Standard.FIRST_RESPONSE, Standard.RESOLUTION)) {
                CaseClock.State state = c.state(standard, now, calendar);
                if (state != CaseClock.State.MET && state != CaseClock.State.BREACHED) {
                    continue;
                }
                boolean met = state == CaseClock.State.MET;
                Instant done = c.done(standard);
                Long minutes = done == null ? null : calendar.between(
                        standard == Standard.FIRST_RESPONSE ? c.openedAt() : c.resolutionStartedAt(), done).toMinutes();
                Long who = c.associateFor(standard);
                for (Key key : List.of(new Key(c.storeId(), null), new Key(c.storeId(), who == null ? 0L : who))) {
                    Acc a = acc.computeIfAbsent(key, k -> new Acc());
                    if (standard == Standard.FIRST_RESPONSE) {
                        a.fCount++;
                        a.fMet += met ? 1 : 0;
                        if (minutes != null) a.fMinutes.add(minutes);
                    } else {
                        a.rCount++;
                        a.rMet += met ? 1 : 0;
                        if (minutes != null) a.rMinutes.add(minutes);
                    }
                }
            }
        }
        jdbc.sql("""
                select store_id, associate_id, rings, met from call_answer
                 where ringing_at >= :since and (cast(:store as bigint) is null or store_id = :store)
                """)
                .param("since", CaseClocks.ts(since)).param("store", store.orElse(null))
                .query((rs, n) -> {
                    long s = rs.getLong(1);
                    Long who = (Long) rs.getObject(2);
                    Integer rings = (Integer) rs.getObject(3);
                    boolean met = rs.getBoolean(4);
                    for (Key key : List.of(new Key(s, null), new Key(s, who == null ? 0L : who))) {
                        Acc a = acc.computeIfAbsent(key, k -> new Acc());
                        a.pCount++;
                        a.pMet += met ? 1 : 0;
                        if (rings != null) a.rings.add(rings.longValue());
                    }
                    return 0;
                }).list();
        List<Row> rows = new ArrayList<>();
        acc.forEach((k, a) -> rows.add(a.row(k.store(), k.associate())));
        rows.sort(Comparator.comparingLong(Row::storeId)
                .thenComparing(r -> r.associateId() == null ? -1L : r.associateId()));
        return rows;
    }
}
