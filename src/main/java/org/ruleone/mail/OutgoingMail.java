package org.ruleone.mail;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A mail to send through the {@link Outbox}. Header values that come from people (names, subjects) may hold
 * anything: the outbox folds CR, LF and control characters into spaces and encodes non-ASCII text, so no header
 * can be injected.
 *
 * @param dedupeKey    unique per intended mail, e.g. {@code case-reply:812} or {@code campaign:4:client:77}; a second
 *                     mail with the same key is not queued again (the first one is returned), so a retried request
 *                     never sends twice
 * @param storeId      the store the mail is sent for, or {@code null}
 * @param from         the sender, e.g. the associate's name at the store's address
 * @param to           the one recipient
 * @param replyTo      where answers should go (the store's mailbox), or {@code null}
 * @param subject      the subject
 * @param text         the plain-text body
 * @param html         an HTML body sent beside the text, or {@code null}
 * @param inReplyTo    the Message-ID (with angle brackets) this answers, or {@code null}
 * @param references   the thread's Message-IDs, oldest first
 * @param extraHeaders further headers, e.g. {@code List-Unsubscribe}, {@code List-Unsubscribe-Post},
 *                     {@code Auto-Submitted}; names must be plain header names
 * @param attachments  files sent with the mail, e.g. an iCalendar invitation
 */
public record OutgoingMail(String dedupeKey, Long storeId, MailAddress from, MailAddress to, MailAddress replyTo,
                           String subject, String text, String html, String inReplyTo, List<String> references,
                           Map<String, String> extraHeaders, List<OutgoingAttachment> attachments) {

    public OutgoingMail {
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        subject = subject == null ? "" : subject;
        references = references == null ? List.of() : List.copyOf(references);
        extraHeaders = extraHeaders == null ? Map.of() : Map.copyOf(extraHeaders);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A plain text mail with no thread, headers or attachments. */
    public static OutgoingMail plain(String dedupeKey, Long storeId, MailAddress from, MailAddress to,
                                     String subject, String text) {
        return new OutgoingMail(dedupeKey, storeId, from, to, null, subject, text, null, null, List.of(), Map.of(),
                List.of());
    }
}
