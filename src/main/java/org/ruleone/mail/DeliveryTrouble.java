package org.ruleone.mail;

/** Why mail of the outbox is not going out, as a screen says it. */
public enum DeliveryTrouble {
    /** Nothing stands in the way: waiting mail goes out within seconds. */
    NONE,
    /** No SMTP server is configured ({@code spring.mail.host}): every mail waits until there is one. */
    NO_SERVER,
    /** The SMTP server cannot be reached (unknown host, connection refused, time-out). */
    UNREACHABLE,
    /** The SMTP server refused the user name or password. */
    LOGIN_REFUSED,
    /** The SMTP server answered with an error for now (its own words are in the last error). */
    REFUSED,
    /** Mail has been waiting for longer than it should, without any error to tell why. */
    SLOW
}
