package org.ruleone.recognition.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ruleone.mail.MailAddress;
import org.ruleone.mail.OutgoingMail;
import org.ruleone.organization.AssociateSummary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The mail that tells a hero a colleague recognised them: from the reporter (replies go to them), in the hero's
 * language, with what the reporter wrote and a link to the heroic. One per heroic and hero (its outbox key).
 */
@Component
public class HeroMail {

    private final MessageSource messages;
    private final String publicUrl;

    HeroMail(MessageSource messages, @Value("${ruleone.public-url:http://localhost:${server.port:8080}}") String publicUrl) {
        this.messages = messages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public static String dedupeKey(long heroicId, long heroId) {
        return "heroic:" + heroicId + ":hero:" + heroId;
    }

    public OutgoingMail compose(long heroicId, AssociateSummary hero, AssociateSummary reporter, LocalDate happenedOn,
                                String what) {
        Locale locale = hero.language().locale();
        String day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(happenedOn);
        String text = msg("recognition.mail.greeting", locale, hero.name()) + "\n\n"
                + msg("recognition.mail.body", locale, reporter.name(), day) + "\n\n"
                + quoted(what) + "\n\n"
                + msg("recognition.mail.link", locale) + "\n" + publicUrl + "/heroics/" + heroicId + "\n\n"
                + msg("recognition.mail.signoff", locale) + "\n";
        String subject = msg("recognition.mail.subject", locale, reporter.name());
        return new OutgoingMail(dedupeKey(heroicId, hero.id()), hero.storeId(),
                new MailAddress(reporter.email(), reporter.name()), new MailAddress(hero.email(), hero.name()),
                new MailAddress(reporter.email(), reporter.name()), subject, text, html(text), null, List.of(),
                Map.of("Auto-Submitted", "auto-generated", "Content-Language", hero.language().code()), List.of());
    }

    private static String quoted(String what) {
        return "> " + String.join("\n> ", what.strip().split("\\R"));
    }

    private static String html(String text) {
        String linked = HtmlUtils.htmlEscape(text).replaceAll("(https?://[^\\s<]+)", "<a href=\"$1\">$1</a>");
        return "<!DOCTYPE html><html><body><div style=\"font-family:sans-serif;white-space:pre-wrap\">" + linked
                + "</div></body></html>";
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
