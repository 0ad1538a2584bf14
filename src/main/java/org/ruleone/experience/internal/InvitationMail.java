package org.ruleone.experience.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ruleone.experience.SurveyChannel;
import org.ruleone.mail.MailAddress;
import org.ruleone.mail.OutgoingMail;
import org.ruleone.shared.Language;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes one survey mail: from the associate who served (else the store), in the client's language, with the survey
 * link, until when it works, and the opt-out from surveys both in the text and in the {@code List-Unsubscribe}
 * headers with one-click POST (RFC 8058), as campaigns does.
 */
@Component
public class InvitationMail {

    /** Who the mail comes from: the associate who served, else the store; {@code replyTo} may be null. */
    public record Sender(String name, String email, String replyTo, String storeName, ZoneId zone) {
    }

    /** The client it goes to, and what it is about. */
    public record Addressee(long invitationId, String email, String firstName, String lastName, Language language,
                            SurveyChannel trigger, Long caseId) {
    }

    private final MessageSource messages;

    InvitationMail(MessageSource messages) {
        this.messages = messages;
    }

    /** The outbox key of an invitation's first mail (reminder 0) and of its reminders. */
    public static String dedupeKey(long invitationId, int reminder) {
        return reminder == 0 ? "survey:" + invitationId : "survey:" + invitationId + ":reminder:" + reminder;
    }

    public OutgoingMail compose(Addressee to, Sender from, int reminder, String surveyUrl, String optOutUrl,
                                Instant expiresAt, Long storeId) {
        Locale locale = to.language().locale();
        String first = to.firstName() == null ? "" : to.firstName().strip();
        StringBuilder text = new StringBuilder();
        text.append(first.isEmpty() ? msg("experience.invitation.mail.greeting.anonymous", locale)
                : msg("experience.invitation.mail.greeting", locale, first)).append("\n\n");
        if (reminder > 0) {
            text.append(msg("experience.invitation.mail.reminder", locale)).append("\n\n");
        }
        String about = to.trigger() == SurveyChannel.CASE_RESOLVED ? "CASE_RESOLVED" : "VISIT";
        text.append(msg("experience.invitation.mail.body." + about, locale, from.storeName())).append("\n\n");
        text.append(msg("experience.invitation.mail.link", locale)).append('\n').append(surveyUrl).append("\n\n");
        String until = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(from.zone())
                .format(expiresAt);
        text.append(msg("experience.invitation.mail.expires", locale, until)).append("\n\n");
        text.append(msg("experience.invitation.mail.signoff", locale)).append('\n').append(from.name()).append('\n')
                .append(from.storeName()).append("\n\n-- \n");
        text.append(msg("experience.invitation.mail.why", locale, from.storeName())).append('\n')
                .append(msg("experience.invitation.mail.optOut", locale)).append(' ').append(optOutUrl).append('\n');

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + optOutUrl + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("Auto-Submitted", "auto-generated");
        headers.put("Content-Language", to.language().code());
        String subject = msg(reminder > 0 ? "experience.invitation.mail.subject.reminder"
                : "experience.invitation.mail.subject", locale, from.storeName());
        String name = ((to.firstName() == null ? "" : to.firstName()) + " "
                + (to.lastName() == null ? "" : to.lastName())).strip();
        return new OutgoingMail(dedupeKey(to.invitationId(), reminder), storeId,
                new MailAddress(from.email(), from.name() + " · " + from.storeName()), new MailAddress(to.email(), name),
                from.replyTo() == null ? null : new MailAddress(from.replyTo(), from.name()), subject, text.toString(),
                html(text.toString()), null, List.of(), headers, List.of());
    }

    /** The same words as the text, as simple HTML with the links clickable. */
    static String html(String text) {
        String linked = HtmlUtils.htmlEscape(text).replaceAll("(https?://[^\\s<]+)", "<a href=\"$1\">$1</a>");
        return "<!DOCTYPE html><html><body><div style=\"font-family:sans-serif;white-space:pre-wrap\">" + linked
                + "</div></body></html>";
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
