package org.ruleone.recognition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Someone reported a heroic act they witnessed: who reported it, its heroes with the store each worked in, the day
 * it happened, the client and case it was for (either may be {@code null}), and when it was reported.
 */
public record HeroicReported(long heroicId, long reportedBy, List<Hero> heroes, LocalDate happenedOn,
                             Long customerId, Long caseId, Instant reportedAt) {

    public HeroicReported {
        heroes = List.copyOf(heroes);
    }

    /** A hero and the store they worked in when the heroic was reported ({@code null} for the owner). */
    public record Hero(long associateId, Long storeId) {
    }
}
