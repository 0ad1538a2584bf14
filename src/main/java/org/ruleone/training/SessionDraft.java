package org.ruleone.training;

import java.time.LocalDate;
import java.util.List;

/** What a manager sets up: the scenario, the store and date, who plays whom and who watches. */
public record SessionDraft(long scenarioId, long storeId, LocalDate plannedOn, long customerPlayer,
                           long associatePlayer, List<Long> watchers) {

    public SessionDraft {
        watchers = List.copyOf(watchers);
    }
}
