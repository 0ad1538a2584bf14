package org.ruleone.clienteling.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import org.ruleone.clienteling.ClientSegment;
import org.ruleone.clienteling.Segment;
import org.ruleone.clienteling.Segments;
import org.ruleone.customers.ClientRoster;
import org.ruleone.customers.ClientRoster.Member;
import org.ruleone.customers.DateKind;
import org.ruleone.customers.ImportantDate;
import org.ruleone.purchases.ClientPurchaseFigures;
import org.ruleone.purchases.PurchaseFigures;
import org.ruleone.purchases.RecentPurchase;
import org.springframework.stereotype.Service;

import static java.util.stream.Collectors.toMap;

/**
 * Everything an associate's home screen shows about one book: important dates coming, clients drifting away,
 * recent purchases, and the whole book sorted, filtered and paged. A book is a few hundred clients (1,000,000
 * clients for 3,000 associates in the chain data set), so it is read whole in three queries and sorted here.
 */
@Service
public class BookScreen {

    /** How far ahead the screen looks for birthdays and anniversaries. */
    public static final int DATES_AHEAD_DAYS = 14;
    static final int DRIFTING_SHOWN = 8;
    static final int RECENT_SHOWN = 8;

    private final ClientRoster roster;
    private final ClientPurchaseFigures purchases;
    private final Segments segments;
    private final Clock clock;

    BookScreen(ClientRoster roster, ClientPurchaseFigures purchases, Segments segments, Clock clock) {
        this.roster = roster;
        this.purchases = purchases;
        this.segments = segments;
        this.clock = clock;
    }

    /** A client of the book with their figures (null when they never bought) and segment (null when none). */
    public record Row(Member client, PurchaseFigures figures, ClientSegment segment) {

        public Instant lastVisit() {
            return figures == null ? null : figures.lastPurchaseAt();
        }

        public BigDecimal spend() {
            return figures == null ? BigDecimal.ZERO : figures.netSpend();
        }

        public long visits() {
            return figures == null ? 0 : figures.visits();
        }

        public Segment segmentName() {
            return segment == null ? null : segment.segment();
        }
    }

    /**
     * A birthday, anniversary or other date of a client within the next days.
     *
     * @param inDays 0 for today
     * @param years  how many years it marks, when the year is known
     */
    public record DateComing(Member client, ImportantDate date, LocalDate on, int inDays, Integer years) {
    }

    public record Recent(RecentPurchase purchase, Member client) {
    }

    public record View(int bookSize, List<Row> rows, int matching, int page, int pages,
                       Map<Segment, Integer> segmentCounts, int withoutSegment, List<String> tags,
                       List<DateComing> datesComing, List<Row> drifting, int driftingCount, List<Recent> recent,
                       Optional<Instant> segmentsAsOf, LocalDate today) {
    }

    public View of(long associateId, ZoneId zone, BookQuery query) {
        List<Member> members = roster.bookOf(associateId);
        List<Long> ids = members.stream().map(Member::id).toList();
        Map<Long, PurchaseFigures> figures = purchases.of(ids);
        Map<Long, ClientSegment> segmentOf = segments.of(ids);
        List<Row> all = members.stream().map(m -> new Row(m, figures.get(m.id()), segmentOf.get(m.id()))).toList();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);

        Map<Segment, Integer> counts = new EnumMap<>(Segment.class);
        for (Segment s : Segment.values()) {
            counts.put(s, 0);
        }
        int without = 0;
        TreeSet<String> tags = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Row r : all) {
            if (r.segment() == null) {
                without++;
            } else {
                counts.merge(r.segmentName(), 1, Integer::sum);
            }
            tags.addAll(r.client().tags());
        }

        List<Row> matching = all.stream().filter(r -> matches(r, query)).sorted(order(query)).toList();
        int pages = Math.max(1, (matching.size() + BookQuery.PAGE_SIZE - 1) / BookQuery.PAGE_SIZE);
        int page = Math.min(query.page(), pages);
        List<Row> shown = matching.subList((page - 1) * BookQuery.PAGE_SIZE,
                Math.min(matching.size(), page * BookQuery.PAGE_SIZE));

        List<Row> drifting = all.stream().filter(r -> r.segment() != null && r.segmentName().needsWinningBack())
                .sorted(Comparator.comparing((Row r) -> r.segmentName() == Segment.AT_RISK ? 0 : 1)
                        .thenComparing(Row::spend, Comparator.reverseOrder()))
                .toList();

        Map<Long, Member> byId = members.stream().collect(toMap(Member::id, Function.identity()));
        List<Recent> recent = purchases.recent(ids, RECENT_SHOWN).stream()
                .map(p -> new Recent(p, byId.get(p.customerId()))).toList();

        return new View(all.size(), shown, matching.size(), page, pages, counts, without, List.copyOf(tags),
                datesComing(members, today), drifting.subList(0, Math.min(DRIFTING_SHOWN, drifting.size())),
                drifting.size(), recent, segments.lastRefreshedAt(), today);
    }

    static List<DateComing> datesComing(List<Member> members, LocalDate today) {
        List<DateComing> coming = new ArrayList<>();
        for (Member m : members) {
            for (ImportantDate d : m.dates()) {
                LocalDate next = nextOccurrence(d.monthDay(), today);
                int in = (int) ChronoUnit.DAYS.between(today, next);
                if (in <= DATES_AHEAD_DAYS) {
                    Integer years = d.year() == null || d.kind() == DateKind.CUSTOM ? null : next.getYear() - d.year();
                    coming.add(new DateComing(m, d, next, in, years != null && years > 0 ? years : null));
                }
            }
        }
        coming.sort(Comparator.comparingInt(DateComing::inDays)
                .thenComparing(c -> c.client().displayName().toLowerCase(Locale.ROOT)));
        return coming;
    }

    /** Today or the next time this day comes round; 29 February falls on the 28th in other years. */
    static LocalDate nextOccurrence(MonthDay day, LocalDate today) {
        LocalDate thisYear = day.atYear(today.getYear());
        return thisYear.isBefore(today) ? day.atYear(today.getYear() + 1) : thisYear;
    }

    private static boolean matches(Row r, BookQuery q) {
        if (q.segment().equals(BookQuery.NO_SEGMENT) && r.segment() != null) {
            return false;
        }
        if (q.segmentFilter().isPresent() && r.segmentName() != q.segmentFilter().get()) {
            return false;
        }
        return q.tag().isEmpty() || r.client().tags().stream().anyMatch(t -> t.equalsIgnoreCase(q.tag()));
    }

    /** The chosen order; clients who never bought go last whichever the direction, then by name. */
    static Comparator<Row> order(BookQuery q) {
        Comparator<Row> byName = Comparator.comparing((Row r) -> r.client().lastName().toLowerCase(Locale.ROOT))
                .thenComparing(r -> r.client().firstName().toLowerCase(Locale.ROOT))
                .thenComparingLong(r -> r.client().id());
        if (q.sort() == BookQuery.Sort.NAME) {
            return q.descending() ? byName.reversed() : byName;
        }
        Comparator<Row> key = switch (q.sort()) {
            case LAST_VISIT -> Comparator.comparing(Row::lastVisit);
            case SPEND -> Comparator.comparing(Row::spend);
            case VISITS -> Comparator.comparingLong(Row::visits);
            case NAME -> throw new IllegalStateException();
        };
        Comparator<Row> directed = q.descending() ? key.reversed() : key;
        return Comparator.comparing((Row r) -> r.figures() == null || r.lastVisit() == null)
                .thenComparing((a, b) -> a.figures() == null || a.lastVisit() == null
                        || b.figures() == null || b.lastVisit() == null ? 0 : directed.compare(a, b))
                .thenComparing(byName);
    }
}
