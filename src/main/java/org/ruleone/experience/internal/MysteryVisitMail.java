package org.ruleone.experience.internal;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ruleone.experience.MysteryReward;
import org.ruleone.experience.MysteryShopper;
import org.ruleone.experience.MysteryVisit;
import org.ruleone.mail.MailAddress;
import org.ruleone.mail.Outbox;
import org.ruleone.mail.OutgoingMail;
import org.ruleone.mail.QueuedMail;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.Formats;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mail that gives a shopper their visit: who asks (the store), the window, what to do, the personal link
 * ({@code <public url>/mystery/<token>}, a fresh {@link MysteryLinks} token naming this shopper), until when it
 * works and the reward agreed, in the shopper's language. Queued with the outbox in the caller's transaction, under
 * a dedupe key per visit, purpose and token, so a visit rescheduled in a retried request is not mailed twice.
 */
@Component
public class MysteryVisitMail {

    /** Why the shopper gets a link. */
    public enum Purpose {
        SCHEDULED, REASSIGNED, RESENT
    }

    private final MysteryLinks links;
    private final Outbox outbox;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final String publicUrl;
    private final String fromAddress;

    MysteryVisitMail(MysteryLinks links, Outbox outbox, MessageSource messages, JdbcClient jdbc,
                     @Value("${ruleone.public-url:http://localhost:${server.port:8080}}") String publicUrl,
                     @Value("${ruleone.experience.from-address:}") String fromAddress) {
        this.links = links;
        this.outbox = outbox;
        this.messages = messages;
        this.jdbc = jdbc;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.fromAddress = fromAddress.isBlank() ? "mystery@" + URI.create(this.publicUrl).getHost()
                : fromAddress.strip();
    }

    /** The outbox key of the n-th link given for a visit. */
    public static String dedupeKey(long visitId, Purpose purpose, long tokenNumber) {
        return "mystery-visit:" + visitId + ":" + purpose.name().toLowerCase(Locale.ROOT) + ":" + tokenNumber;
    }

    /** The link a token opens. */
    public String link(String token) {
        return publicUrl + "/mystery/" + token;
    }

    /** Issues a new token for the visit's shopper and queues the mail with it. */
    public QueuedMail send(MysteryVisit visit, MysteryShopper shopper, StoreSummary store,
                           Optional<AssociateSummary> askedBy, Purpose purpose) {
        String token = links.issue(visit.id(), shopper.id());
        long number = jdbc.sql("select count(*) from mystery_visit_token where visit_id = :id")
                .param("id", visit.id()).query(Long.class).single();
        return outbox.enqueue(compose(visit, shopper, store, askedBy, purpose, link(token),
                dedupeKey(visit.id(), purpose, number)));
    }

    OutgoingMail compose(MysteryVisit visit, MysteryShopper shopper, StoreSummary store,
                         Optional<AssociateSummary> askedBy, Purpose purpose, String url, String dedupeKey) {
        Locale locale = shopper.language().locale();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        StringBuilder text = new StringBuilder();
        text.append(msg("experience.mystery.mail.greeting", locale, shopper.name())).append("\n\n");
        if (purpose == Purpose.RESENT) {
            text.append(msg("experience.mystery.mail.resent", locale)).append("\n\n");
        }
        String from = dates.format(visit.windowFrom());
        String to = dates.format(visit.windowTo());
        if (visit.ownStore()) {
            text.append(msg("experience.mystery.mail.ask.store", locale, store.name(), from, to));
        } else {
            text.append(msg("experience.mystery.mail.ask.business", locale, store.name(), visit.businessName(),
                    msg("experience.mystery.visit.target." + visit.targetKind(), locale), from, to));
        }
        text.append("\n");
        if (!visit.department().isBlank()) {
            text.append(msg("experience.mystery.mail.department", locale, visit.department())).append("\n");
        }
        text.append("\n").append(msg("experience.mystery.mail.scenario", locale)).append("\n")
                .append(visit.scenario().strip()).append("\n\n");
        text.append(msg("experience.mystery.mail.link", locale)).append("\n").append(url).append("\n\n");
        text.append(msg("experience.mystery.mail.expires", locale,
                dates.format(LocalDate.ofInstant(visit.expiresAt(), store.timeZone())))).append("\n");
        text.append(msg("experience.mystery.mail.reward", locale, MysteryReward.of(visit).describe(Formats.of(locale)))).append("\n\n");
        text.append(msg("experience.mystery.mail.private", locale)).append("\n\n");
        text.append(msg("experience.mystery.mail.signoff", locale)).append("\n");
        askedBy.ifPresent(a -> text.append(a.name()).append("\n"));
        text.append(store.name()).append("\n");

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Auto-Submitted", "auto-generated");
        headers.put("Content-Language", shopper.language().code());
        MailAddress replyTo = askedBy.filter(AssociateSummary::active).filter(a -> Outbox.accepts(a.email()))
                .map(a -> new MailAddress(a.email(), a.name())).orElse(null);
        return new OutgoingMail(dedupeKey, store.id(), new MailAddress(fromAddress, store.name()),
                new MailAddress(shopper.email(), shopper.name()), replyTo,
                msg("experience.mystery.mail.subject." + purpose.name(), locale, store.name()), text.toString(),
                InvitationMail.html(text.toString()), null, List.of(), headers, List.of());
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
