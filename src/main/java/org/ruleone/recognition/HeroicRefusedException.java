package org.ruleone.recognition;

/** A heroic, a comment or a legend that cannot be recorded as given; the message key says why to the person. */
public class HeroicRefusedException extends IllegalArgumentException {

    private final String messageKey;

    public HeroicRefusedException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    /** A key of the recognition bundle. */
    public String messageKey() {
        return messageKey;
    }
}
