package org.ruleone.training;

/** A session that cannot be set up as asked; {@code reason} is the message key that says why. */
public class SessionRefusedException extends RuntimeException {

    private final String reason;

    public SessionRefusedException(String reason) {
        super(reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
