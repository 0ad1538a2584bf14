package org.ruleone.training;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A roleplay session in a store on a date: who plays the customer, who plays the associate, who watches, the rubric
 * as it was when the session was set up, and the played associate's reflection.
 */
public record RoleplaySession(long id, long scenarioId, String scenarioTitle, long storeId, LocalDate plannedOn,
                              long customerPlayer, long associatePlayer, List<Long> watchers, List<Criterion> rubric,
                              String reflection, Instant closedAt) {

    public RoleplaySession {
        watchers = List.copyOf(watchers);
        rubric = List.copyOf(rubric);
    }

    public Part partOf(long associateId) {
        if (associateId == associatePlayer) {
            return Part.ASSOCIATE;
        }
        if (associateId == customerPlayer) {
            return Part.CUSTOMER;
        }
        return watchers.contains(associateId) ? Part.WATCHER : Part.NONE;
    }

    public boolean closed() {
        return closedAt != null;
    }

    /** Whether the day has come, so feedback and the reflection may be given. */
    public boolean heldBy(LocalDate today) {
        return !plannedOn.isAfter(today);
    }
}
