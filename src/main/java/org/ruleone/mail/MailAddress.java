package org.ruleone.mail;

/** An address as written in a header: the bare address and the decoded display name (empty when none). */
public record MailAddress(String address, String displayName) {
}
