package org.ruleone.experience;

import java.util.Map;
import java.util.Set;

/**
 * Where a mystery visit stands. SCHEDULED → SUBMITTED → ACCEPTED, or SUBMITTED → RETURNED (with a question) →
 * SUBMITTED again; a visit not yet accepted may be CANCELLED from SCHEDULED or RETURNED. ACCEPTED and CANCELLED are
 * final.
 */
public enum MysteryVisitStatus {
    SCHEDULED, SUBMITTED, RETURNED, ACCEPTED, CANCELLED;

    private static final Map<MysteryVisitStatus, Set<MysteryVisitStatus>> MOVES = Map.of(
            SCHEDULED, Set.of(SUBMITTED, CANCELLED),
            SUBMITTED, Set.of(ACCEPTED, RETURNED),
            RETURNED, Set.of(SUBMITTED, CANCELLED),
            ACCEPTED, Set.of(),
            CANCELLED, Set.of());

    public boolean canMoveTo(MysteryVisitStatus next) {
        return MOVES.get(this).contains(next);
    }

    /** Whether the shopper's link still opens the form to fill in (expiry aside). */
    public boolean openToShopper() {
        return this == SCHEDULED || this == RETURNED;
    }
}
