package org.ruleone.training;

import java.time.Instant;
import java.util.List;

/** A roleplay scenario with its rubric; {@code storeId} is its author's store, null for an owner without one. */
public record Scenario(long id, String title, String situation, String customerPart, String goodLooksLike,
                       ScenarioOrigin origin, Long originId, Long storeId, long createdBy, Instant updatedAt,
                       List<Criterion> rubric) {

    public Scenario {
        rubric = List.copyOf(rubric);
    }

    public ScenarioDraft draft() {
        return new ScenarioDraft(title, situation, customerPart, goodLooksLike, origin, originId, rubric);
    }
}
