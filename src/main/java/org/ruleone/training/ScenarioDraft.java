package org.ruleone.training;

import java.util.List;

/** What a scenario says, as a form fills it or a legend or case prefills it. */
public record ScenarioDraft(String title, String situation, String customerPart, String goodLooksLike,
                            ScenarioOrigin origin, Long originId, List<Criterion> rubric) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 4000;

    public ScenarioDraft {
        rubric = List.copyOf(rubric);
    }
}
