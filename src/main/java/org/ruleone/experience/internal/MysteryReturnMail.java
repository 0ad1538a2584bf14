package org.ruleone.experience.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ruleone.experience.MysteryReports;
import org.ruleone.mail.MailAddress;
import org.ruleone.mail.OutgoingMail;
import org.ruleone.organization.StoreSummary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The mail that returns a shopper's report with the manager's question (ADR 0101): in the shopper's language, with
 * a new personal link ({@code /mystery/<token>}) and until when it works. One mail per return: its outbox key names
 * the visit and the time it was returned.
 */
@Component
public class MysteryReturnMail {

    private final MessageSource messages;
    private final String publicUrl;
    private final String fromAddress;

    MysteryReturnMail(MessageSource messages,
                      @Value("${ruleone.public-url:http://localhost:${server.port:8080}}") String publicUrl,
                      @Value("${ruleone.experience.from-address:}") String fromAddress) {
        this.messages = messages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.fromAddress = fromAddress.isBlank() ? "surveys@" + java.net.URI.create(this.publicUrl).getHost()
                : fromAddress.strip();
    }

    public static String dedupeKey(long visitId, Instant returnedAt) {
        return "mystery-return:" + visitId + ":" + returnedAt.toEpochMilli();
    }

    public String link(String token) {
        return publicUrl + "/mystery/" + token;
    }

    public OutgoingMail compose(long visitId, Instant returnedAt, MysteryReports.Shopper to, StoreSummary store,
                                String question, String token, Instant expiresAt) {
        Locale locale = to.language().locale();
        String until = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .withZone(store.timeZone()).format(expiresAt);
        String text = msg("experience.mystery.review.mail.greeting", locale, to.name()) + "\n\n"
                + msg("experience.mystery.review.mail.body", locale, store.name()) + "\n\n"
                + question + "\n\n"
                + msg("experience.mystery.review.mail.link", locale) + "\n" + link(token) + "\n\n"
                + msg("experience.mystery.review.mail.expires", locale, until) + "\n\n"
                + msg("experience.mystery.review.mail.signoff", locale) + "\n" + store.name() + "\n";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Auto-Submitted", "auto-generated");
        headers.put("Content-Language", to.language().code());
        return new OutgoingMail(dedupeKey(visitId, returnedAt), store.id(), new MailAddress(fromAddress, store.name()),
                new MailAddress(to.email(), to.name()), null,
                msg("experience.mystery.review.mail.subject", locale, store.name()), text,
                InvitationMail.html(text), null, List.of(), headers, List.of());
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
