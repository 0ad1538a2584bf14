package org.ruleone.clienteling.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.ruleone.clienteling.internal.BookQuery;

/** Links to the same book with one thing changed, keeping the rest of what the person chose. */
public final class BookLinks {

    private final Map<String, String> current = new LinkedHashMap<>();
    private final BookQuery q;

    BookLinks(Long associate, BookQuery q) {
        this.q = q;
        put(current, "associate", associate == null ? "" : associate.toString());
        put(current, "segment", q.segment());
        put(current, "tag", q.tag());
        put(current, "sort", q.sort().param());
        put(current, "dir", q.dir());
    }

    /** The book filtered by this segment name (or "" for all); back to the first page. */
    public String segment(String segment) {
        return with("segment", segment);
    }

    public String tag(String tag) {
        return with("tag", tag);
    }

    /** Sorted by this column; the same column again flips the direction. */
    public String sort(String param) {
        BookQuery.Sort sort = BookQuery.parse(null, null, param, null, null).sort();
        Map<String, String> p = new LinkedHashMap<>(current);
        put(p, "sort", sort.param());
        put(p, "dir", q.sort() == sort ? (q.descending() ? "asc" : "desc") : (sort == BookQuery.Sort.NAME ? "asc" : "desc"));
        return url(p);
    }

    public String page(int page) {
        Map<String, String> p = new LinkedHashMap<>(current);
        put(p, "page", page <= 1 ? "" : Integer.toString(page));
        return url(p);
    }

    private String with(String key, String value) {
        Map<String, String> p = new LinkedHashMap<>(current);
        put(p, key, value);
        return url(p);
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value == null || value.isEmpty()) {
            p.remove(key);
        } else {
            p.put(key, value);
        }
    }

    private static String url(Map<String, String> p) {
        return p.isEmpty() ? "/book" : "/book?" + p.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
