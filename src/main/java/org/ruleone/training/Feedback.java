package org.ruleone.training;

import java.time.Instant;
import java.util.Map;

/** One person's feedback on a session: a score 1–5 per rubric position, and a comment. */
public record Feedback(long id, long sessionId, long scorerId, Part part, Map<Integer, Integer> scores,
                       String comment, Instant givenAt) {

    public static final int MAX_COMMENT = 2000;

    public Feedback {
        scores = Map.copyOf(scores);
    }

    public double mean() {
        return scores.values().stream().mapToInt(Integer::intValue).average().orElse(0);
    }
}
