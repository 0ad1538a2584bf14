package org.ruleone.mail;

/** What kind of mail arrived: only NORMAL mail may open a case or get an answer, so no mail loop can start. */
public enum MailKind {
    NORMAL,
    /** Written by a machine on someone's behalf: vacation replies, list mail, bulk mail. */
    AUTO_REPLY,
    /** A delivery report: the mail we sent did not arrive (or a report about its delivery). */
    BOUNCE
}
