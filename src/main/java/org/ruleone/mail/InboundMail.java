package org.ruleone.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A received mail, decoded and made safe: every string is free of CR, LF and control characters where it
 * came from a header, the HTML body has been through an allowlist sanitiser, and strings absent from the
 * mail are empty, never null.
 *
 * @param messageId  the Message-ID with its angle brackets, or empty
 * @param inReplyTo  the first message id in In-Reply-To, or empty
 * @param references the message ids in References, oldest first
 * @param textBody   the plain text, from text/plain or converted from the HTML when the mail has only HTML
 * @param htmlBody   the sanitised HTML, or empty when the mail had none
 */
public record InboundMail(
        String messageId,
        String inReplyTo,
        List<String> references,
        MailAddress from,
        List<MailAddress> to,
        String subject,
        Optional<Instant> sentAt,
        String textBody,
        String htmlBody,
        List<MailAttachment> attachments,
        MailKind kind) {

    public InboundMail {
        references = List.copyOf(references);
        to = List.copyOf(to);
        attachments = List.copyOf(attachments);
    }
}
