package org.ruleone.mailroom.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ruleone.mail.BounceReceived;
import org.ruleone.mail.DeliveryReports;
import org.ruleone.mail.InboundMail;
import org.ruleone.mail.MailAttachment;
import org.ruleone.mail.MailKind;
import org.ruleone.mail.MailParser;
import org.ruleone.mail.ParseResult;
import org.ruleone.mail.Quarantine;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseDraft;
import org.ruleone.service.Channel;
import org.ruleone.service.ServiceCase;
import org.ruleone.shared.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files one mail read from a store's mailbox: mail that cannot be read goes to the quarantine, a bounce is
 * published, an auto-reply is only noted, and a person's mail joins its case (by Message-ID, then by the case
 * reference in the subject) or opens a new one. Each mail is filed once per store (by Message-ID, else by a hash
 * of its bytes).
 */
@Service
public class InboundRouter {

    private static final Logger log = LoggerFactory.getLogger(InboundRouter.class);
    /** The case reference our replies put in the subject, e.g. "Re: Hem too long [#123]". */
    public static final Pattern CASE_REFERENCE = Pattern.compile("\\[#(\\d{1,18})]");

    public enum Outcome { OPENED_CASE, ADDED_TO_CASE, AUTO_REPLY, BOUNCE, QUARANTINED, DUPLICATE }

    public record Routed(Outcome outcome, Long caseId, Long quarantineId) {
    }

    private final MailParser parser;
    private final Quarantine quarantine;
    private final CaseDesk desk;
    private final CustomerFinder customers;
    private final Organization organization;
    private final Threads threads;
    private final Senders senders;
    private final InboundAttachments attachments;
    private final Duplicates duplicates;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final Clock clock;

    InboundRouter(MailParser parser, Quarantine quarantine, CaseDesk desk, CustomerFinder customers,
                  Organization organization, Threads threads, Senders senders, InboundAttachments attachments,
                  Duplicates duplicates, ApplicationEventPublisher events, MessageSource messages, JdbcClient jdbc, Clock clock) {
        this.parser = parser;
        this.quarantine = quarantine;
        this.desk = desk;
        this.customers = customers;
        this.organization = organization;
        this.threads = threads;
        this.senders = senders;
        this.attachments = attachments;
        this.duplicates = duplicates;
        this.events = events;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Files a mail read from the store's mailbox at this UID (both null when it came another way). */
    @Transactional
    public Routed route(long storeId, byte[] raw, Long uidValidity, Long uid) {
        ParseResult result = parser.parse(raw, languages(storeId));
        if (result instanceof ParseResult.Quarantined why) {
            String key = "sha256:" + sha256(raw);
            Optional<Long> inbound = logInbound(storeId, key, uidValidity, uid, "", "");
            if (inbound.isEmpty()) {
                return skip(storeId, key, uidValidity, uid, "", "");
            }
            long quarantineId = quarantine.put(raw, why, storeId);
            settle(inbound.get(), Outcome.QUARANTINED, null, quarantineId);
            log.info("Mail for store {} quarantined ({}): {}", storeId, why.reason(), why.detail());
            return new Routed(Outcome.QUARANTINED, null, quarantineId);
        }
        return file(storeId, raw, ((ParseResult.Parsed) result).mail(), uidValidity, uid);
    }

    /**
     * Reads a quarantined mail again and files it for the store; on success it leaves the quarantine list.
     *
     * @return empty when it still cannot be read (the entry stays, with the new reason)
     */
    @Transactional
    public Optional<Routed> retry(long quarantineId, long storeId) {
        byte[] raw = quarantine.raw(quarantineId).orElseThrow(() -> new IllegalArgumentException("No such entry"));
        quarantine.countRetry(quarantineId);
        ParseResult result = parser.parse(raw, languages(storeId));
        if (result instanceof ParseResult.Quarantined why) {
            quarantine.stillUnreadable(quarantineId, why);
            return Optional.empty();
        }
        Routed routed = file(storeId, raw, ((ParseResult.Parsed) result).mail(), null, null);
        quarantine.markProcessed(quarantineId);
        return Optional.of(routed);
    }

    /** The store's language decides the charset of text that is neither UTF-8 nor labelled right (ADR 78). */
    private List<Language> languages(long storeId) {
        return organization.store(storeId).map(StoreSummary::language).map(List::of).orElse(List.of());
    }

    private Routed file(long storeId, byte[] raw, InboundMail mail, Long uidValidity, Long uid) {
        String key = mail.messageId().isBlank() ? "sha256:" + sha256(raw) : mail.messageId();
        Optional<Long> inbound = logInbound(storeId, key, uidValidity, uid, mail.from().address(), mail.subject());
        if (inbound.isEmpty()) {
            return skip(storeId, key, uidValidity, uid, mail.from().address(), mail.subject());
        }
        return switch (mail.kind()) {
            case BOUNCE -> {
                BounceReceived bounce = DeliveryReports.read(raw, clock.instant());
                senders.record(storeId, bounce.recipient(), true);
                events.publishEvent(bounce);
                settle(inbound.get(), Outcome.BOUNCE, null, null);
                yield new Routed(Outcome.BOUNCE, null, null);
            }
            case AUTO_REPLY -> {
                senders.record(storeId, mail.from().address(), true);
                settle(inbound.get(), Outcome.AUTO_REPLY, null, null);
                yield new Routed(Outcome.AUTO_REPLY, null, null);
            }
            case NORMAL -> fromPerson(storeId, mail, inbound.get());
        };
    }

    /** A mail the store already filed: skipped, and listed on the mail screen with the case of its first copy. */
    private Routed skip(long storeId, String key, Long uidValidity, Long uid, String sender, String subject) {
        Optional<Long> firstCase = duplicates.record(storeId, key, uidValidity, uid, sender, subject, clock.instant());
        log.info("Mail {} for store {} was already filed (case {}); skipped", key, storeId, firstCase.orElse(null));
        return new Routed(Outcome.DUPLICATE, firstCase.orElse(null), null);
    }

    private Routed fromPerson(long storeId, InboundMail mail, long inboundId) {
        senders.record(storeId, mail.from().address(), false);
        Language storeLanguage = organization.store(storeId).map(StoreSummary::language).orElse(Language.EN);
        CustomerFinder.Found client = customers.findOrAdd(storeId, mail.from().address(), mail.from().displayName(),
                null, storeLanguage);
        Optional<Long> known = threadOf(storeId, mail, client.clientId());
        String body = body(mail, known.flatMap(id -> desk.find(id, Optional.of(storeId))).map(ServiceCase::language)
                .orElse(storeLanguage));
        long caseId;
        Outcome outcome;
        if (known.isPresent() && desk.customerWrote(known.get(), body)) {
            caseId = known.get();
            outcome = Outcome.ADDED_TO_CASE;
        } else {
            caseId = desk.open(new CaseDraft(storeId, client.clientId(), null, Channel.EMAIL, mail.subject(), null, body),
                    Optional.of(storeId));
            outcome = Outcome.OPENED_CASE;
        }
        threads.remember(storeId, mail.messageId(), caseId, false);
        attach(storeId, caseId, inboundId, mail.attachments());
        settle(inboundId, outcome, caseId, null);
        return new Routed(outcome, caseId, null);
    }

    /**
     * Files that fit go onto the case itself; one too large to keep is noted (name, type, size) so the case page
     * says it came and the associate can ask for it another way.
     */
    private void attach(long storeId, long caseId, long inboundId, List<MailAttachment> files) {
        List<MailAttachment> tooLarge = new ArrayList<>();
        int unnamed = 0;
        for (MailAttachment file : files) {
            if (file.tooLarge() || file.content() == null || file.content().length > CaseDesk.MAX_ATTACHMENT_BYTES) {
                tooLarge.add(file);
                continue;
            }
            String name = file.fileName().isBlank() ? "attachment-" + (++unnamed) + extension(file.contentType())
                    : file.fileName();
            desk.attach(caseId, name, file.contentType(), file.content());
        }
        attachments.keep(storeId, caseId, inboundId, tooLarge);
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "text/plain" -> ".txt";
            case "text/html" -> ".html";
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/gif" -> ".gif";
            case "message/rfc822" -> ".eml";
            case "text/calendar" -> ".ics";
            default -> ".bin";
        };
    }

    /** By the Message-IDs the mail answers (newest first), then by a case reference of the same client's case. */
    private Optional<Long> threadOf(long storeId, InboundMail mail, long clientId) {
        List<String> answered = new ArrayList<>();
        if (!mail.inReplyTo().isBlank()) {
            answered.add(mail.inReplyTo());
        }
        answered.addAll(mail.references().reversed());
        Optional<Long> byId = threads.caseOf(storeId, answered);
        if (byId.isPresent()) {
            return byId;
        }
        Matcher reference = CASE_REFERENCE.matcher(mail.subject());
        while (reference.find()) {
            long caseId = Long.parseLong(reference.group(1));
            Optional<ServiceCase> found = desk.find(caseId, Optional.of(storeId))
                    .filter(c -> c.customerId() == clientId);
            if (found.isPresent()) {
                return Optional.of(caseId);
            }
        }
        return Optional.empty();
    }

    private String body(InboundMail mail, Language language) {
        String text = mail.textBody().replace("\u0000", "");
        if (!text.isBlank()) {
            return text;
        }
        return messages.getMessage("mailroom.inbound.no-text", null, language.locale());
    }

    private Optional<Long> logInbound(long storeId, String key, Long uidValidity, Long uid, String sender,
                                      String subject) {
        return jdbc.sql("""
                insert into mailroom_inbound (store_id, dedupe_key, uid_validity, uid, outcome, sender, subject,
                                              received_at)
                values (:store, :key, :validity, :uid, 'PENDING', :sender, :subject, :now)
                on conflict (store_id, dedupe_key) do nothing
                returning id
                """)
                .param("store", storeId).param("key", key).param("validity", uidValidity).param("uid", uid)
                .param("sender", sender).param("subject", subject).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).optional();
    }

    private void settle(long inboundId, Outcome outcome, Long caseId, Long quarantineId) {
        jdbc.sql("update mailroom_inbound set outcome = :outcome, case_id = :case, quarantine_id = :quarantine where id = :id")
                .param("outcome", outcome.name()).param("case", caseId).param("quarantine", quarantineId)
                .param("id", inboundId).update();
    }

    static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
