package org.ruleone.campaigns;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.ruleone.shared.Language;

/**
 * Who a campaign is for, before consent is applied. Every part is optional; an empty filter means every client in
 * the store (or the chain, for an owner).
 *
 * <p>Segments (champions, at risk, lapsed) belong to the book module, which is being built separately: when it
 * offers its segment membership, a {@code segment} component is added here and {@link Audiences} narrows the clients
 * to that segment's members, as it does for tags.
 *
 * @param storeId          the store whose clients are meant, or {@code null} for every store in scope
 * @param tags             preference tags: a client with any of them is in (case-insensitive)
 * @param lastPurchaseFrom the client's last purchase is on or after this day, or {@code null}
 * @param lastPurchaseTo   the client's last purchase is on or before this day, or {@code null}
 * @param spendMin         lifetime spend at least this, or {@code null}
 * @param spendMax         lifetime spend at most this, or {@code null}
 * @param languages        the client's language is one of these; empty means any
 */
public record AudienceFilter(Long storeId, List<String> tags, LocalDate lastPurchaseFrom, LocalDate lastPurchaseTo,
                             BigDecimal spendMin, BigDecimal spendMax, Set<Language> languages) {

    public AudienceFilter {
        tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        languages = languages == null ? Set.of() : Set.copyOf(languages);
    }

    public static AudienceFilter everyone(Long storeId) {
        return new AudienceFilter(storeId, List.of(), null, null, null, null, Set.of());
    }

    boolean needsPurchases() {
        return lastPurchaseFrom != null || lastPurchaseTo != null || spendMin != null || spendMax != null;
    }
}
