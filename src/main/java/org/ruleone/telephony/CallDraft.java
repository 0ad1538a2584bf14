package org.ruleone.telephony;

import java.time.Instant;
import java.util.Objects;

/**
 * A call to record. {@code customerId} null when the caller is unknown (the number is kept); {@code caseId} null
 * when the call belongs to no case; {@code associateId} null when nobody answered or it is not known who did.
 * {@code rings} and {@code secondsToAnswer} may each be null when the telephony does not report them.
 *
 * @throws IllegalArgumentException when a figure is negative, or an unanswered call has a time to answer
 */
public record CallDraft(long storeId, Long customerId, String callerNumber, Long associateId, Instant ringingAt,
                        Integer rings, Integer secondsToAnswer, CallOutcome outcome, Integer durationSeconds,
                        Long caseId, CallSource source, Long loggedBy) {

    public CallDraft {
        Objects.requireNonNull(ringingAt, "ringingAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(source, "source");
        callerNumber = callerNumber == null ? "" : callerNumber.strip();
        if (callerNumber.length() > 50) {
            throw new IllegalArgumentException("A phone number has at most 50 characters");
        }
        if (negative(rings) || negative(secondsToAnswer) || negative(durationSeconds)) {
            throw new IllegalArgumentException("Rings, seconds to answer and duration cannot be negative");
        }
        if (outcome != CallOutcome.ANSWERED && secondsToAnswer != null) {
            throw new IllegalArgumentException("Only an answered call has a time to answer");
        }
    }

    private static boolean negative(Integer value) {
        return value != null && value < 0;
    }

    public CallDraft forCase(long chosenCase, Long customer) {
        return new CallDraft(storeId, customer, callerNumber, associateId, ringingAt, rings, secondsToAnswer, outcome,
                durationSeconds, chosenCase, source, loggedBy);
    }

    public CallDraft forCustomer(Long customer) {
        return new CallDraft(storeId, customer, callerNumber, associateId, ringingAt, rings, secondsToAnswer, outcome,
                durationSeconds, caseId, source, loggedBy);
    }
}
