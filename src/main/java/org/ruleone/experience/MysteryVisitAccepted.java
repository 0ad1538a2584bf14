package org.ruleone.experience;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A manager accepted a mystery shopper's report: the scores as they were then (ADR 0099). {@code targetKind} is
 * OWN_STORE for a visit to our store, else the kind of business visited to compare with ({@code businessName}).
 * {@code percent} is null when every item was N/A.
 */
public record MysteryVisitAccepted(long visitId, long storeId, String department, String targetKind,
                                   String businessName, long shopperId, long checklistId, int checklistVersion,
                                   Instant visitedAt, BigDecimal earned, BigDecimal possible, BigDecimal percent,
                                   boolean flagged, List<ItemResult> items, long acceptedBy, Instant acceptedAt) {

    public MysteryVisitAccepted {
        items = List.copyOf(items);
    }

    /** One item's result, by the key that stays the same across checklist versions. */
    public record ItemResult(String key, String outcome, BigDecimal earned, BigDecimal possible, boolean critical) {
    }
}
