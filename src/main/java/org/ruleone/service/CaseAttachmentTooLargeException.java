package org.ruleone.service;

/** A file larger than a case accepts ({@link CaseDesk#MAX_ATTACHMENT_BYTES}). */
public class CaseAttachmentTooLargeException extends IllegalArgumentException {

    private final long size;

    public CaseAttachmentTooLargeException(long size) {
        super("Attachment of " + size + " bytes exceeds " + CaseDesk.MAX_ATTACHMENT_BYTES);
        this.size = size;
    }

    public long size() {
        return size;
    }
}
