package org.ruleone.clienteling.internal;

import java.util.Locale;
import java.util.Optional;

import org.ruleone.clienteling.Segment;

/**
 * How a person wants the whole book listed.
 *
 * @param segment    only clients of this segment; {@link #NO_SEGMENT} for clients with none; empty for all
 * @param tag        only clients with this preference tag (any case); blank for all
 * @param page       1-based
 */
public record BookQuery(String segment, String tag, Sort sort, boolean descending, int page) {

    public static final int PAGE_SIZE = 20;
    public static final String NO_SEGMENT = "NONE";

    public enum Sort {
        LAST_VISIT, SPEND, VISITS, NAME;

        public String param() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Optional<Sort> fromParam(String value) {
            for (Sort s : values()) {
                if (s.param().equalsIgnoreCase(value == null ? "" : value.strip())) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /** Reads the query string leniently: anything unknown falls back to the default, so a link never breaks. */
    public static BookQuery parse(String segment, String tag, String sort, String dir, String page) {
        String seg = segment == null ? "" : segment.strip().toUpperCase(Locale.ROOT);
        boolean known = seg.equals(NO_SEGMENT);
        for (Segment s : Segment.values()) {
            known |= s.name().equals(seg);
        }
        Sort by = Sort.fromParam(sort).orElse(Sort.LAST_VISIT);
        boolean descending = dir == null || dir.isBlank() ? by != Sort.NAME : "desc".equalsIgnoreCase(dir.strip());
        int p;
        try {
            p = Math.max(1, Integer.parseInt(page == null ? "1" : page.strip()));
        } catch (NumberFormatException e) {
            p = 1;
        }
        return new BookQuery(known ? seg : "", tag == null ? "" : tag.strip(), by, descending, p);
    }

    public Optional<Segment> segmentFilter() {
        return segment.isEmpty() || segment.equals(NO_SEGMENT) ? Optional.empty() : Optional.of(Segment.valueOf(segment));
    }

    public String dir() {
        return descending ? "desc" : "asc";
    }
}
