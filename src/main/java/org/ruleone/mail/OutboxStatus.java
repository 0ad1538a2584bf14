package org.ruleone.mail;

/** Where a mail of the outbox stands. */
public enum OutboxStatus {
    /** Waiting to be sent, or to be tried again after a failure. */
    QUEUED,
    /** The SMTP server accepted it. */
    SENT,
    /** The SMTP server refused it for good (e.g. an invalid recipient); it will not be tried again. */
    FAILED
}
