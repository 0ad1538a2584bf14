package org.ruleone.shared;

/**
 * An aggregate was asked for a status change its current status does not allow (a task closed twice, a campaign
 * sent twice, a transfer received before it was sent), or another person changed it first. Nothing was stored;
 * screens turn it into a message in the reader's language.
 */
public class IllegalTransitionException extends IllegalStateException {

    private final Enum<?> status;

    /**
     * @param what   the aggregate and its id, "Task 12"
     * @param status where it stands
     * @param move   what was asked, "be closed"
     */
    public IllegalTransitionException(String what, Enum<?> status, String move) {
        super(what + " is " + status + " and cannot " + move);
        this.status = status;
    }

    /** Where the aggregate stood when the move was refused. */
    public Enum<?> status() {
        return status;
    }
}
