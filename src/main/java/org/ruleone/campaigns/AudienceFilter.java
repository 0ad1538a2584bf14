package org.ruleone.campaigns;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.ruleone.clienteling.Segment;
import org.ruleone.shared.Language;

/**
 * Who a campaign is for, before consent is applied. Every part is optional; an empty filter means every client in
 * the store (or the chain, for an owner).
 *
 * <p>Segments (champions, at risk, lapsed, ...) are the book module's ({@link org.ruleone.clienteling.Segments}): a client
 * is in when their segment as of the last refresh is one of those asked for, as for tags.
 *
 * @param storeId          the store whose clients are meant, or {@code null} for every store in scope
 * @param tags             preference tags: a client with any of them is in (case-insensitive)
 * @param lastPurchaseFrom the client's last purchase is on or after this day, or {@code null}
 * @param lastPurchaseTo   the client's last purchase is on or before this day, or {@code null}
 * @param spendMin         lifetime spend at least this, or {@code null}
 * @param spendMax         lifetime spend at most this, or {@code null}
 * @param languages        the client's language is one of these; empty means any
 * @param segments         the client's segment is one of these; empty means any (also clients in no segment)
 */
public record AudienceFilter(Long storeId, List<String> tags, LocalDate lastPurchaseFrom, LocalDate lastPurchaseTo,
                             BigDecimal spendMin, BigDecimal spendMax, Set<Language> languages,
                             Set<Segment> segments) {

    public AudienceFilter {
        tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        segments = segments == null ? Set.of() : Set.copyOf(segments);
    }

    /** A filter without segments. */
    public AudienceFilter(Long storeId, List<String> tags, LocalDate lastPurchaseFrom, LocalDate lastPurchaseTo,
                          BigDecimal spendMin, BigDecimal spendMax, Set<Language> languages) {
        this(storeId, tags, lastPurchaseFrom, lastPurchaseTo, spendMin, spendMax, languages, Set.of());
    }

    public static AudienceFilter everyone(Long storeId) {
        return new AudienceFilter(storeId, List.of(), null, null, null, null, Set.of());
    }

    /** Only the clients in one of these segments. */
    public AudienceFilter inSegments(Set<Segment> wanted) {
        return new AudienceFilter(storeId, tags, lastPurchaseFrom, lastPurchaseTo, spendMin, spendMax, languages,
                wanted);
    }

    /** Whether anything but the store narrows the audience. */
    boolean narrows() {
        return !tags.isEmpty() || !languages.isEmpty() || !segments.isEmpty() || needsPurchases();
    }

    boolean needsPurchases() {
        return lastPurchaseFrom != null || lastPurchaseTo != null || spendMin != null || spendMax != null;
    }
}
