package org.ruleone.privacy.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientIdentities;
import org.ruleone.mail.Outbox;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's copy of their data (GDPR Art. 15 and 20, ADR 0116): downloaded from the client page by a manager or
 * the owner, or by the customer through a personal link mailed to the address on file. Every copy made is in the
 * audit log: who, which client, when, and how.
 */
@Service
public class ClientExports {

    /** Kind of the audit log's entry for a copy made. */
    public static final String AUDIT_EXPORT = "privacy.export";
    /** Kind of the audit log's entry for a customer's request (its address is not kept). */
    public static final String AUDIT_REQUEST = "privacy.request";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_EMAIL = 320;

    /** A ZIP to hand over, with its file name. */
    public record Download(String fileName, byte[] zip) {
    }

    /** What became of a customer's request: the page says the same for a known and an unknown address. */
    public enum Requested { ACCEPTED, NOT_AN_ADDRESS, TOO_MANY }

    private final ClientBook book;
    private final ClientIdentities identities;
    private final Organization organization;
    private final ExportArchive archive;
    private final ExportLinks links;
    private final ExportMail mail;
    private final Outbox outbox;
    private final RequestThrottle throttle;
    private final AuditLog audit;

    ClientExports(ClientBook book, ClientIdentities identities, Organization organization, ExportArchive archive,
                  ExportLinks links, ExportMail mail, Outbox outbox, RequestThrottle throttle, AuditLog audit) {
        this.book = book;
        this.identities = identities;
        this.organization = organization;
        this.archive = archive;
        this.links = links;
        this.mail = mail;
        this.outbox = outbox;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** The copy of a client a manager or the owner may see; empty for anyone else or another store's client. */
    public Optional<Download> forStaff(long clientId, SignedInAssociate me, String remoteAddr) {
        if (!me.isManagerOrOwner()) {
            return Optional.empty();
        }
        return book.client(clientId, me.storeScope()).map(client -> {
            Download download = download(client);
            audit.record(AUDIT_EXPORT, me.getUsername(), remoteAddr, Map.of("client", client.id(),
                    "store", client.storeId(), "how", "staff-download", "by", me.id()));
            return download;
        });
    }

    /**
     * A customer asks for their data by typing an address: each client of that address, in any store, gets a mail
     * with a personal link (at most one a day). Nothing tells the asker whether the address is known.
     */
    @Transactional
    public Requested request(String typedEmail, String remoteAddr) {
        String email = typedEmail == null ? "" : typedEmail.strip();
        if (email.isEmpty() || email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            return Requested.NOT_AN_ADDRESS;
        }
        if (!throttle.tryRequest(remoteAddr, email)) {
            return Requested.TOO_MANY;
        }
        List<ClientIdentities.AddressedClient> clients = identities.withEmail(email);
        List<Long> mailed = new java.util.ArrayList<>();
        for (ClientIdentities.AddressedClient client : clients) {
            StoreSummary store = organization.store(client.storeId()).orElseThrow();
            links.create(client.id()).ifPresent(link -> {
                outbox.enqueue(mail.compose(client, store.name(), store.timeZone(), link));
                mailed.add(client.id());
            });
        }
        audit.record(AUDIT_REQUEST, null, remoteAddr, Map.of("clients", clients.stream()
                .map(ClientIdentities.AddressedClient::id).toList(), "mailed", mailed));
        return Requested.ACCEPTED;
    }

    /** Whether a mailed link is good: genuine, not expired, not used up. */
    public boolean linkWorks(String token) {
        return links.clientOf(token).flatMap(id -> book.client(id, Optional.empty())).isPresent();
    }

    /** The copy a mailed link leads to, counting one download; empty when the link is no good. */
    @Transactional
    public Optional<Download> forLink(String token, String remoteAddr) {
        return links.use(token).flatMap(id -> book.client(id, Optional.empty())).map(client -> {
            Download download = download(client);
            audit.record(AUDIT_EXPORT, null, remoteAddr, Map.of("client", client.id(), "store", client.storeId(),
                    "how", "customer-request"));
            return download;
        });
    }

    private Download download(Client client) {
        return new Download(ExportArchive.fileName(client.id()), archive.zip(client));
    }
}
