package org.ruleone.mail;

/**
 * A file that came with a mail. The content is kept only up to the configured cap; a larger file is
 * recorded with its name, type and size, marked too large, and has no content.
 */
public record MailAttachment(String fileName, String contentType, long size, boolean tooLarge, byte[] content) {
}
