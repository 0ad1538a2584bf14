package org.ruleone.privacy.internal;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ruleone.customers.ClientIdentities.AddressedClient;
import org.ruleone.mail.MailAddress;
import org.ruleone.mail.OutgoingMail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The mail with a customer's personal link to their copy of their data, in their language. */
@Component
class ExportMail {

    private final MessageSource messages;
    private final String publicUrl;
    private final String fromAddress;

    ExportMail(MessageSource messages,
               @Value("${ruleone.public-url:http://localhost:${server.port:8080}}") String publicUrl,
               @Value("${ruleone.privacy.from-address:}") String fromAddress) {
        this.messages = messages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.fromAddress = fromAddress.isBlank() ? "privacy@" + URI.create(this.publicUrl).getHost() : fromAddress;
    }

    String url(String token) {
        return publicUrl + "/public/my-data/" + token;
    }

    OutgoingMail compose(AddressedClient to, String storeName, ZoneId zone, ExportLinks.Link link) {
        Locale locale = to.language().locale();
        String first = to.firstName() == null ? "" : to.firstName().strip();
        String until = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(zone)
                .format(link.expiresAt());
        String text = (first.isEmpty() ? msg("privacy.request.mail.greeting.anonymous", locale)
                : msg("privacy.request.mail.greeting", locale, first)) + "\n\n"
                + msg("privacy.request.mail.body", locale, storeName) + "\n\n"
                + url(link.token()) + "\n\n"
                + msg("privacy.request.mail.expires", locale, until, ExportLinks.MAX_DOWNLOADS) + "\n\n"
                + msg("privacy.request.mail.notYou", locale) + "\n\n"
                + storeName + "\n";
        String name = (first + " " + (to.lastName() == null ? "" : to.lastName().strip())).strip();
        String html = "<!DOCTYPE html><html><body><div style=\"font-family:sans-serif;white-space:pre-wrap\">"
                + HtmlUtils.htmlEscape(text).replaceAll("(https?://[^\\s<]+)", "<a href=\"$1\">$1</a>")
                + "</div></body></html>";
        return new OutgoingMail("privacy-export:link:" + link.id(), to.storeId(),
                new MailAddress(fromAddress, storeName), new MailAddress(to.email(), name), null,
                msg("privacy.request.mail.subject", locale, storeName), text, html, null, List.of(),
                Map.of("Auto-Submitted", "auto-generated", "Content-Language", to.language().code()), List.of());
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
