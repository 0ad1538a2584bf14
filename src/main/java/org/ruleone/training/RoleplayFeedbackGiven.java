package org.ruleone.training;

import java.time.Instant;
import java.util.Map;

/**
 * A watcher (or the customer player) saved their feedback on a roleplay session: the scores as given then (1–5 per
 * rubric position). Given again, the feedback keeps its id and the newer event replaces the older.
 *
 * @param associateId the played associate the feedback is about
 * @param scorerId    who gave it
 */
public record RoleplayFeedbackGiven(long feedbackId, long sessionId, long storeId, long associateId, long scorerId,
                                    Map<Integer, Integer> scores, Instant givenAt) {

    public RoleplayFeedbackGiven {
        scores = Map.copyOf(scores);
    }

    /** The mean of the scores, 1–5. */
    public double mean() {
        return scores.values().stream().mapToInt(Integer::intValue).average().orElse(0);
    }
}
