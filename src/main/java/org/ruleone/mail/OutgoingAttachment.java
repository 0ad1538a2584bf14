package org.ruleone.mail;

import java.util.Objects;

/**
 * A file sent with a mail.
 *
 * @param contentType the full MIME type, e.g. {@code text/calendar; charset=UTF-8; method=REQUEST}
 */
public record OutgoingAttachment(String fileName, String contentType, byte[] content) {

    public OutgoingAttachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }
}
