package org.ruleone.mailroom.internal;

import java.util.List;
import java.util.Locale;

import org.ruleone.service.CaseFact;
import org.ruleone.service.CaseFactsSource;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The files a customer mailed, listed on the case page as links to download them. */
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
            if (file.tooLarge()) {
                return new CaseFact(label, messages.getMessage("mailroom.attachment.too-large",
                        new Object[] {name, size(file.size(), locale)}, locale), CaseFact.Tone.WARNING);
            }
            return new CaseFact(label, name + " (" + size(file.size(), locale) + ")", CaseFact.Tone.NORMAL,
                    "/mailroom/attachments/" + file.id());
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
