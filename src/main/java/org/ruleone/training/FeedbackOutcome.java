package org.ruleone.training;

/** What became of feedback or a reflection someone gave. */
public enum FeedbackOutcome {
    SAVED,
    /** The played associate cannot score the session they played. */
    CANNOT_SCORE_THEMSELVES,
    /** Only the watchers and the customer player score. */
    NOT_A_SCORER,
    /** Only the played associate reflects. */
    NOT_THE_PLAYED_ASSOCIATE,
    NOT_YET_HELD,
    CLOSED,
    /** A score missing or outside 1–5, or a text too long. */
    INVALID
}
