package org.ruleone.experience.internal;

/** The groups of clients "does experience bring them back?" compares (ADR 0108). */
public enum ProofGroup {
    /** Answered 9 or 10 to "will you come back?". */
    PROMOTER,
    /** Answered 7 or 8. */
    PASSIVE,
    /** Answered 0 to 6. */
    DETRACTOR,
    /** Satisfaction 4 or 5. */
    SATISFIED,
    /** Satisfaction 1 or 2. */
    DISSATISFIED,
    /** Their problem was resolved with a remedy: any resolution but a bare answer, or one that cost something. */
    REMEDIED,
    /** Their problem was answered with nothing more. */
    ANSWERED_ONLY,
    /** A detractor whose follow-up case was answered or resolved. */
    RECOVERED,
    /** A detractor without a follow-up that was answered or resolved. */
    NOT_RECOVERED,
    /** Served by an associate with a heroic reported for that client or case. */
    HERO,
    /** Served by an associate without one. */
    NO_HERO;

    /** The comparisons the page makes: the first group against the second. */
    public enum Pair {
        PROMOTERS_DETRACTORS(PROMOTER, DETRACTOR),
        SATISFIED_DISSATISFIED(SATISFIED, DISSATISFIED),
        REMEDIED_ANSWERED(REMEDIED, ANSWERED_ONLY),
        RECOVERED_NOT(RECOVERED, NOT_RECOVERED),
        HERO_NOT(HERO, NO_HERO);

        private final ProofGroup first;
        private final ProofGroup second;

        Pair(ProofGroup first, ProofGroup second) {
            this.first = first;
            this.second = second;
        }

        public ProofGroup first() {
            return first;
        }

        public ProofGroup second() {
            return second;
        }
    }
}
