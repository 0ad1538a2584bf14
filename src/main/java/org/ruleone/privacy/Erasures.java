package org.ruleone.privacy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientErasure;
import org.ruleone.customers.ClientIdentifiers;
import org.ruleone.customers.ClientIdentifiers.Identifiers;
import org.ruleone.customers.PseudonymisedClients;
import org.ruleone.mail.PersonalMail;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.AuditLog;
import org.ruleone.privacy.internal.ErasureRecords;
import org.ruleone.privacy.internal.EventRegistryScrub;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure of a client (GDPR Art. 17, ADR 0117): every module's {@link ClientErasure} removes what identifies them,
 * the client's record becomes a pseudonym, the facts stay; the mail still waiting for them is cancelled, and a
 * record proves the erasure without the erased data.
 */
@Service
public class Erasures {

    private static final String PSEUDONYM_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClientBook clients;
    private final ClientIdentifiers identifiers;
    private final ObjectProvider<ClientErasure> erasures;
    private final PseudonymisedClients pseudonymised;
    private final PersonalMail personalMail;
    private final AuditLog audit;
    private final EventRegistryScrub registry;
    private final ErasureRecords records;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Erasures(ClientBook clients, ClientIdentifiers identifiers, ObjectProvider<ClientErasure> erasures,
             PseudonymisedClients pseudonymised, PersonalMail personalMail, AuditLog audit, EventRegistryScrub registry, ErasureRecords records,
             ApplicationEventPublisher events, Clock clock) {
        this.clients = clients;
        this.identifiers = identifiers;
        this.erasures = erasures;
        this.pseudonymised = pseudonymised;
        this.personalMail = personalMail;
        this.audit = audit;
        this.registry = registry;
        this.records = records;
        this.events = events;
        this.clock = clock;
    }

    /** Where an erasure came from: a person's request, or the owner's retention rule for idle clients. */
    public enum Source { REQUEST, RETENTION }

    /** The proof of one erasure: when, who, why and the pseudonym; nothing of what was erased. */
    public record Erasure(long id, long storeId, long clientId, String pseudonym, String reason, Source source,
                          Long erasedBy, Instant erasedAt) {
    }

    /**
     * Erases a client of the store of a manager (or any store for the owner) with the reason given. Empty when the
     * client is not theirs to see; an associate may not erase.
     */
    @Transactional
    public Optional<Erasure> erase(long clientId, String reason, SignedInAssociate by) {
        if (!by.isManagerOrOwner()) {
            throw new AccessDeniedException("Only a manager or the owner erases a client");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("An erasure needs a reason");
        }
        return clients.client(clientId, by.storeScope())
                .map(client -> of(clientId).orElseGet(() -> erase(client, reason.strip(), Source.REQUEST,
                        by.id(), by.getUsername())));
    }

    /** Erases an idle client under the retention rule (ADR 0118); no one asked, so no one is named. */
    @Transactional
    public Optional<Erasure> eraseIdle(long clientId) {
        return clients.client(clientId, Optional.empty())
                .map(client -> of(clientId).orElseGet(() -> erase(client, "", Source.RETENTION, null, "retention")));
    }

    /** The erasure of this client, if they were erased. */
    public Optional<Erasure> of(long clientId) {
        return records.ofClient(clientId);
    }

    /** The erasures within the scope (empty for the owner: every store), newest first. */
    public List<Erasure> list(Optional<Long> scope, int limit) {
        return records.newestFirst(scope, limit);
    }

    private Erasure erase(Client client, String reason, Source source, Long by, String principal) {
        String pseudonym = pseudonym();
        Identifiers who = identifiers.of(client.id()).orElseThrow();
        erasures.orderedStream().forEach(module -> module.erase(client.id(), pseudonym));
        pseudonymised.pseudonymise(client.id(), pseudonym);
        who.email().ifPresent(email -> personalMail.forgetMailTo(List.of(email)));
        if (!who.all().isEmpty()) {
            personalMail.forgetMentions(who.strongPattern(), who.pattern(), pseudonym);
            audit.forget(who.pattern(), pseudonym);
        }
        registry.forget(client.id(), who.pattern());
        Instant now = clock.instant();
        Erasure erasure = records.add(client.storeId(), client.id(), pseudonym, reason, source, by, now);
        audit.record("CLIENT_ERASED", principal, null,
                Map.of("client", client.id(), "pseudonym", pseudonym, "source", source.name()));
        events.publishEvent(new ClientErased(client.id(), client.storeId(), pseudonym, by == null ? 0 : by, now));
        return erasure;
    }

    private static String pseudonym() {
        StringBuilder code = new StringBuilder("E-");
        for (int i = 0; i < 6; i++) {
            code.append(PSEUDONYM_LETTERS.charAt(RANDOM.nextInt(PSEUDONYM_LETTERS.length())));
        }
        return code.toString();
    }
}
