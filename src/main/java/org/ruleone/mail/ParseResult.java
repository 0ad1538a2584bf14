package org.ruleone.mail;

/** What {@link MailParser#parse(byte[])} made of a mail: either the mail, or a reason to quarantine it. */
public sealed interface ParseResult {

    record Parsed(InboundMail mail) implements ParseResult {
    }

    /**
     * @param detail what went wrong, for the owner who looks at the quarantine; never empty
     */
    record Quarantined(QuarantineReason reason, String detail) implements ParseResult {
    }
}
