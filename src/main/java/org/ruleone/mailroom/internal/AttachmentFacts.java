package org.ruleone.mailroom.internal;

import java.util.List;
import java.util.Locale;

import org.ruleone.service.CaseFact;
import org.ruleone.service.CaseFactsSource;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The files a customer mailed that were too large to keep, listed on the case page so the associate knows they came
 * (the files that fit are on the case itself, see {@code CaseDesk.attach}).
 */
@Component
@Order(50)
class AttachmentFacts implements CaseFactsSource {

    private final InboundAttachments attachments;
    private final MessageSource messages;

    AttachmentFacts(InboundAttachments attachments, MessageSource messages) {
        this.attachments = attachments;
        this.messages = messages;
    }

    @Override
    public List<CaseFact> facts(long caseId, Locale locale) {
        return attachments.ofCase(caseId).stream().map(file -> {
            String label = messages.getMessage("mailroom.attachment.label", null, locale);
            String name = file.fileName().isBlank()
                    ? messages.getMessage("mailroom.attachment.unnamed", new Object[] {file.contentType()}, locale)
                    : file.fileName();
            return new CaseFact(label, messages.getMessage("mailroom.attachment.too-large",
                    new Object[] {name, size(file.size(), locale)}, locale), CaseFact.Tone.WARNING);
        }).toList();
    }

    static String size(long bytes, Locale locale) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(locale, "%.0f kB", bytes / 1024.0);
        }
        return String.format(locale, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
