package org.ruleone.mail;

/** Why a mail could not be turned into an {@link InboundMail}. */
public enum QuarantineReason {
    /** No bytes at all. */
    EMPTY,
    /** The MIME structure could not be read. */
    UNREADABLE,
    /** No sender address to answer or to find the customer by. */
    NO_SENDER,
    /** Multiparts nested deeper than any real mail client writes. */
    TOO_DEEP,
    /** Read, but filing it failed (the detail says why); a retry files it again. */
    UNROUTABLE
}
