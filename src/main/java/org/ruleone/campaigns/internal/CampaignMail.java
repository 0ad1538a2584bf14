package org.ruleone.campaigns.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.ruleone.campaigns.Campaign;
import org.ruleone.campaigns.CampaignKind;
import org.ruleone.campaigns.Recipient;
import org.ruleone.mail.MailAddress;
import org.ruleone.mail.OutgoingAttachment;
import org.ruleone.mail.OutgoingMail;
import org.ruleone.shared.Language;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes one client's e-mail for a campaign: from their own associate (or their store), in their language, with the
 * event's time in their store's time zone, RSVP links and an iCalendar invitation for an event, and the unsubscribe
 * link both in the text and in the {@code List-Unsubscribe} headers with one-click POST (RFC 8058).
 */
@Component
public class CampaignMail {

    /** Who the mail comes from: the associate who keeps the client's book, else the store. */
    public record Sender(String name, String email, String storeName, ZoneId zone) {
    }

    /** A link in the escaped text, compiled once (a campaign writes thousands of mails in one request). */
    private static final Pattern LINK = Pattern.compile("(https?://[^\\s<]+)");

    private static final Map<Locale, DateTimeFormatter> FORMATS = new java.util.concurrent.ConcurrentHashMap<>();

    private final MessageSource messages;
    private final CampaignLinks links;
    private final Clock clock;
    private final String publicUrl;
    private final String unsubscribeMailbox;

    CampaignMail(MessageSource messages, CampaignLinks links, Clock clock,
                 @Value("${ruleone.public-url:http://localhost:${server.port:8080}}") String publicUrl,
                 @Value("${ruleone.campaigns.unsubscribe-mailbox:}") String unsubscribeMailbox) {
        this.messages = messages;
        this.links = links;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        String host = URI.create(this.publicUrl).getHost();
        this.unsubscribeMailbox = unsubscribeMailbox.isBlank() ? "unsubscribe@" + host : unsubscribeMailbox;
    }

    public static String dedupeKey(long campaignId, long customerId) {
        return dedupeKeyPrefix(campaignId) + "client:" + customerId;
    }

    /** What the outbox keys of every mail of a campaign start with. */
    public static String dedupeKeyPrefix(long campaignId) {
        return "campaign:" + campaignId + ":";
    }

    public String unsubscribeUrl(long campaignId, long customerId) {
        return unsubscribeUrl(links.sign(CampaignLinks.Purpose.UNSUBSCRIBE, campaignId, customerId));
    }

    private String unsubscribeUrl(String token) {
        return publicUrl + "/public/unsubscribe/" + token;
    }

    public String rsvpUrl(long campaignId, long customerId, String answer) {
        return publicUrl + "/public/rsvp/" + links.sign(CampaignLinks.Purpose.RSVP, campaignId, customerId)
                + "?answer=" + answer;
    }

    public OutgoingMail compose(Campaign c, Recipient r, Sender from) {
        Language lang = r.language();
        Locale locale = lang.locale();
        String title = c.title(lang);
        String name = r.firstName().isBlank() ? (r.lastName().isBlank() ? "" : r.lastName()) : r.firstName();
        StringBuilder text = new StringBuilder();
        text.append(name.isBlank() ? msg("campaigns.mail.greeting.anonymous", locale) : msg("campaigns.mail.greeting", locale, name))
                .append("\n\n");
        text.append(c.body(lang).strip()).append("\n\n");
        String when = null;
        if (c.kind() == CampaignKind.EVENT && c.startsAt() != null) {
            when = FORMATS.computeIfAbsent(locale, l -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL,
                    FormatStyle.SHORT).withLocale(l)).withZone(from.zone()).format(c.startsAt());
            text.append(msg("campaigns.mail.when", locale, when)).append('\n');
            if (!c.place().isBlank()) {
                text.append(msg("campaigns.mail.where", locale, c.place())).append('\n');
            }
            text.append('\n').append(msg("campaigns.mail.rsvp", locale)).append('\n');
            for (String a : List.of("yes", "no", "maybe")) {
                text.append("  ").append(msg("campaigns.mail.rsvp." + a, locale)).append(": ")
                        .append(rsvpUrl(c.id(), r.customerId(), a)).append('\n');
            }
            text.append('\n');
        }
        text.append(msg("campaigns.mail.signoff", locale)).append('\n').append(from.name()).append('\n')
                .append(from.storeName()).append("\n\n-- \n");
        String token = links.sign(CampaignLinks.Purpose.UNSUBSCRIBE, c.id(), r.customerId());
        String unsubscribe = unsubscribeUrl(token);
        text.append(msg("campaigns.mail.why", locale, from.storeName())).append('\n')
                .append(msg("campaigns.mail.unsubscribe", locale)).append(' ').append(unsubscribe).append('\n');

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribe + ">, <mailto:" + unsubscribeMailbox + "?subject="
                + URLEncoder.encode("unsubscribe " + token, StandardCharsets.UTF_8).replace("+", "%20") + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("Auto-Submitted", "auto-generated");
        headers.put("Content-Language", lang.code());

        List<OutgoingAttachment> attachments = List.of();
        if (c.kind() == CampaignKind.EVENT && c.startsAt() != null) {
            byte[] ics = Invitation.request("campaign-" + c.id() + "@" + URI.create(publicUrl).getHost(),
                    clock.instant(), c.startsAt(), c.endsAt(), title, c.body(lang), c.place(), from.name(),
                    from.email(), (r.firstName() + " " + r.lastName()).strip(), r.email());
            attachments = List.of(new OutgoingAttachment("invitation.ics",
                    "text/calendar; charset=UTF-8; method=REQUEST", ics));
        }
        MailAddress sender = new MailAddress(from.email(), from.name() + " · " + from.storeName());
        return new OutgoingMail(dedupeKey(c.id(), r.customerId()), r.storeId(), sender,
                new MailAddress(r.email(), (r.firstName() + " " + r.lastName()).strip()),
                new MailAddress(from.email(), from.name()), title, text.toString(), html(text.toString()), null,
                List.of(), headers, attachments);
    }

    /** The same words as the text, as simple HTML with the links clickable. */
    private static String html(String text) {
        String escaped = HtmlUtils.htmlEscape(text);
        String linked = LINK.matcher(escaped).replaceAll("<a href=\"$1\">$1</a>");
        return "<!DOCTYPE html><html><body><div style=\"font-family:sans-serif;white-space:pre-wrap\">" + linked
                + "</div></body></html>";
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
