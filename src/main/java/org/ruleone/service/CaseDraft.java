package org.ruleone.service;

import java.util.Objects;

import org.ruleone.shared.Language;

/**
 * What is known when a case opens. {@code ownerId} may be null (nobody owns it yet); {@code language} may be null
 * (the client's language is used); {@code firstMessage} may be null or blank (the customer said nothing to record).
 */
public record CaseDraft(long storeId, long customerId, Long ownerId, Channel channel, String subject,
                        Language language, String firstMessage) {

    public CaseDraft {
        Objects.requireNonNull(channel, "channel");
        subject = subject == null ? "" : subject.strip();
        firstMessage = firstMessage == null || firstMessage.isBlank() ? null : firstMessage.strip();
    }

    public CaseDraft inLanguage(Language chosen) {
        return new CaseDraft(storeId, customerId, ownerId, channel, subject, chosen, firstMessage);
    }
}
