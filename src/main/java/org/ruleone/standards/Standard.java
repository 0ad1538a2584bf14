package org.ruleone.standards;

/** What a store promises its customers. */
public enum Standard {
    /** The first answer to a case, within a business time per channel. */
    FIRST_RESPONSE,
    /** The case resolved, within a business time per channel. */
    RESOLUTION,
    /** The phone answered by the Nth ring. */
    PHONE_ANSWER
}
