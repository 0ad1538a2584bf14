package org.ruleone.service;

import java.time.Instant;

/**
 * A file on a case, without its content. {@code associateId} is null when it came in with the customer's mail.
 */
public record CaseAttachment(long id, long caseId, String fileName, String contentType, long size, Long associateId,
                             Instant createdAt) {

    /** An attachment with its bytes, for download. */
    public record File(CaseAttachment attachment, byte[] content) {
    }
}
