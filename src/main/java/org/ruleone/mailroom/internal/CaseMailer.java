package org.ruleone.mailroom.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.mail.MailAddress;
import org.ruleone.mail.OutgoingMail;
import org.ruleone.mail.Outbox;
import org.ruleone.mail.QueuedMail;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.service.CaseReplied;
import org.ruleone.shared.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends what the store writes to a customer by e-mail, through the outbox and in the transaction of the change, so
 * the mail exists exactly when the reply does: an associate's reply to a case, and the confirmation of a contact
 * form. Our Message-ID joins the case's thread so the customer's answer finds its case.
 */
@Component
class CaseMailer {

    private static final Logger log = LoggerFactory.getLogger(CaseMailer.class);
    private static final Pattern REPLY_PREFIX = Pattern.compile("^(?i)((re|aw|sv|odp|fwd?|tr)\\s*:\\s*)+");

    /** The dedupe keys of a case's replies start with this and the case's id and a colon. */
    static final String REPLY_KEY_PREFIX = "case-reply:";

    private final Outbox outbox;
    private final ClientBook clients;
    private final Organization organization;
    private final Mailboxes mailboxes;
    private final Threads threads;
    private final Senders senders;
    private final MessageSource messages;

    CaseMailer(Outbox outbox, ClientBook clients, Organization organization, Mailboxes mailboxes,
               Threads threads, Senders senders, MessageSource messages) {
        this.outbox = outbox;
        this.clients = clients;
        this.organization = organization;
        this.mailboxes = mailboxes;
        this.threads = threads;
        this.senders = senders;
        this.messages = messages;
    }

    /**
     * Runs in the reply's transaction: the outbox row commits (or rolls back) with the reply (ADR 0088). The subject
     * and text are the event's, as the associate sent them.
     */
    @EventListener
    void onReplied(CaseReplied replied) {
        Optional<String> to = recipient(replied.storeId(), replied.customerId());
        Optional<String> storeAddress = mailboxes.address(replied.storeId());
        if (to.isEmpty() || storeAddress.isEmpty()) {
            log.info("Reply to case {} not mailed: {}", replied.caseId(),
                    to.isEmpty() ? "no address to write to" : "the store has no e-mail address");
            return;
        }
        Client client = clients.client(replied.customerId(), Optional.empty()).orElseThrow();
        String associate = organization.associate(replied.associateId()).map(AssociateSummary::name).orElse("");
        String storeName = organization.store(replied.storeId()).map(StoreSummary::name).orElse("");
        String subject = "Re: " + REPLY_PREFIX.matcher(withoutReference(replied.subject() == null ? "" : replied.subject(), replied.caseId()))
                .replaceFirst("").strip();
        if (subject.equals("Re:")) {
            subject = "Re: " + messages.getMessage("mailroom.reply.subject", null, replied.language().locale());
        }
        subject = subject + " [#" + replied.caseId() + "]";
        List<String> thread = threads.thread(replied.caseId());
        String body = replied.body() + "\n\n-- \n" + (associate.isBlank() ? "" : associate + "\n") + storeName;
        OutgoingMail mail = new OutgoingMail(
                REPLY_KEY_PREFIX + replied.caseId() + ":" + replied.at().toEpochMilli() + ":"
                        + InboundRouter.sha256(replied.body()).substring(0, 16),
                replied.storeId(),
                new MailAddress(storeAddress.get(), associate),
                new MailAddress(to.get(), client.displayName()),
                new MailAddress(storeAddress.get(), storeName),
                subject, body, null,
                threads.lastFromCustomer(replied.caseId()).orElse(null),
                thread, Map.of(), List.of());
        QueuedMail queued = outbox.enqueue(mail);
        threads.remember(replied.storeId(), queued.messageId(), replied.caseId(), true);
    }

    /** The contact form's confirmation, marked as an automatic answer so no auto-responder answers it back. */
    @EventListener
    void onContact(ContactForms.ContactReceived contact) {
        Optional<String> storeAddress = mailboxes.address(contact.storeId());
        if (storeAddress.isEmpty()) {
            log.info("Contact form case {} not confirmed by e-mail: the store has no e-mail address", contact.caseId());
            return;
        }
        Language language = contact.language();
        String storeName = organization.store(contact.storeId()).map(StoreSummary::name).orElse("");
        String subject = messages.getMessage("mailroom.confirm.subject",
                new Object[] {String.valueOf(contact.caseId())}, language.locale());
        // Anyone can give any address on the form: quoting what they typed (message or name) would let them send
        // their text from the store's address to anyone. The confirmation says only that the message arrived.
        String body = messages.getMessage("mailroom.confirm.body",
                new Object[] {String.valueOf(contact.caseId()), storeName}, language.locale());
        QueuedMail queued = outbox.enqueue(new OutgoingMail(
                "contact-confirmation:" + contact.caseId(), contact.storeId(),
                new MailAddress(storeAddress.get(), storeName),
                new MailAddress(contact.email(), contact.name()),
                new MailAddress(storeAddress.get(), storeName),
                subject, body, null, null, List.of(),
                Map.of("Auto-Submitted", "auto-replied", "X-Auto-Response-Suppress", "All"), List.of()));
        threads.remember(contact.storeId(), queued.messageId(), contact.caseId(), true);
    }

    /** The client's address, unless it is missing or only ever sent us auto-replies and bounces. */
    private Optional<String> recipient(long storeId, long customerId) {
        return clients.client(customerId, Optional.empty())
                .map(Client::email)
                .filter(email -> email != null && !email.isBlank())
                .map(String::strip)
                .filter(CaseMailer::deliverable)
                .filter(email -> {
                    boolean machine = senders.onlyAutomatic(storeId, email);
                    if (machine) {
                        log.info("Not mailing {}: it only ever sent automatic mail", email);
                    }
                    return !machine;
                });
    }

    /** A malformed address in the client book must not make the associate's reply fail: it is just not mailed. */
    private static boolean deliverable(String email) {
        try {
            new jakarta.mail.internet.InternetAddress(email, true).validate();
            return !email.contains(",");
        } catch (jakarta.mail.internet.AddressException invalid) {
            log.info("Not mailing {}: not a valid address", email.replaceAll("[\\p{Cntrl}]", " "));
            return false;
        }
    }

    private static String withoutReference(String subject, long caseId) {
        return subject.replace("[#" + caseId + "]", "").strip();
    }

}
