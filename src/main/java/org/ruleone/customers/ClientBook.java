package org.ruleone.customers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.ruleone.customers.internal.ClientRecords;
import org.ruleone.customers.internal.ClientRecords.FreedAddress;
import org.ruleone.customers.internal.ClientSearch;
import org.ruleone.customers.internal.ContactAddresses;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.shared.Language;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client book's public API. Methods that take a client id also take the store scope of the person asking
 * (empty for an owner): a client outside that scope does not exist for them.
 */
@Service
public class ClientBook {

    public static final int SEARCH_LIMIT = 50;

    private final JdbcClient jdbc;
    private final ClientRecords records;
    private final ClientSearch search;
    private final Organization organization;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClientBook(JdbcClient jdbc, ClientRecords records, ClientSearch search, Organization organization,
               ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.search = search;
        this.organization = organization;
        this.events = events;
        this.clock = clock;
    }

    public Optional<Client> client(long id, Optional<Long> scope) {
        return records.find(id, scope.orElse(null));
    }

    /**
     * The language of a client of a store, in one query: what a case or a mail needs of a client it only knows by
     * id. Empty when the client is not the store's.
     */
    public Optional<Language> languageOf(long id, long storeId) {
        return records.languageOf(id, storeId);
    }

    /** The clients with these ids within the scope, in one query (a list page's names); unknown ids are left out. */
    public java.util.Map<Long, ClientSummary> summaries(java.util.Collection<Long> ids, Optional<Long> scope) {
        return records.summaries(ids, scope.orElse(null)).stream()
                .collect(java.util.stream.Collectors.toMap(ClientSummary::id, c -> c));
    }

    /** Clients matching a name, e-mail, phone or POS number, best first, at most {@link #SEARCH_LIMIT}. */
    public List<ClientSummary> search(String query, Optional<Long> scope) {
        List<ClientSummary> found = search.search(query, scope.orElse(null), SEARCH_LIMIT);
        if (scope.isEmpty() || !ContactAddresses.looksLikePhone(query)) {
            return found;
        }
        // A whole number finds its client as the channels do, however either is written ("+44 20 7946 0000" finds
        // "020 7946 0000" in a UK store, whose digits do not contain the other's).
        Optional<Long> line = find(scope.get(), Contact.phone(query))
                .filter(id -> found.stream().noneMatch(c -> c.id() == id));
        if (line.isEmpty()) {
            return found;
        }
        List<ClientSummary> withLine = new ArrayList<>(records.summaries(List.of(line.get()), scope.get()));
        withLine.addAll(found.subList(0, Math.min(found.size(), SEARCH_LIMIT - withLine.size())));
        return withLine;
    }

    /** The book an associate keeps, by last name. */
    public List<ClientSummary> bookOf(long associateId, int limit) {
        return records.assignedTo(associateId, limit);
    }

    public int bookSize(long associateId) {
        return records.countAssignedTo(associateId);
    }

    /** The clients a manager or owner can see, most recently changed first. */
    public List<ClientSummary> latest(Optional<Long> scope, int limit) {
        return records.latest(scope.orElse(null), limit);
    }

    public int count(Optional<Long> scope) {
        return records.count(scope.orElse(null));
    }

    /**
     * @throws ExternalIdAlreadyUsedException when another client of the same store has this POS number
     * @throws IllegalArgumentException       when the associate does not work in the client's store
     */
    @Transactional
    public long add(ClientDraft draft) {
        checkAssociate(draft.storeId(), draft.associateId());
        checkExternalId(draft.storeId(), draft.externalId(), null);
        long id;
        try {
            id = records.insert(draft, clock.instant());
        } catch (DuplicateKeyException e) {
            // Another request took the same POS number between the check and the insert.
            throw new ExternalIdAlreadyUsedException(draft.externalId());
        }
        settleAddresses(id, draft);
        events.publishEvent(new ClientAdded(id, draft.storeId(), draft.associateId()));
        return id;
    }

    /**
     * @return false when there is no such client in scope (nothing changed)
     * @throws ExternalIdAlreadyUsedException when another client of the draft's store has this POS number
     * @throws IllegalArgumentException       when the associate does not work in the client's store, or the
     *                                        new store is outside the scope
     */
    @Transactional
    public boolean update(long id, Optional<Long> scope, ClientDraft draft) {
        if (scope.isPresent() && scope.get() != draft.storeId()) {
            throw new IllegalArgumentException("Store outside scope: " + draft.storeId());
        }
        Optional<Client> before = records.find(id, scope.orElse(null));
        boolean keeperKept = before.filter(c -> c.storeId() == draft.storeId()
                && Objects.equals(c.associateId(), draft.associateId())).isPresent();
        if (!keeperKept) {
            // a client whose associate has left keeps them until someone gives the client to another
            checkAssociate(draft.storeId(), draft.associateId());
        }
        checkExternalId(draft.storeId(), draft.externalId(), id);
        boolean updated;
        try {
            updated = records.update(id, scope.orElse(null), draft, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new ExternalIdAlreadyUsedException(draft.externalId());
        }
        if (updated) {
            settleAddresses(id, draft);
        }
        return updated;
    }

    /** An e-mail address, a phone number or both, as a channel received them; either may be {@code null}. */
    public record Contact(String email, String phone) {

        public static Contact email(String email) {
            return new Contact(email, null);
        }

        public static Contact phone(String phone) {
            return new Contact(null, phone);
        }
    }

    /** The client a channel found or added. */
    public record FoundClient(long clientId, boolean created) {
    }

    /**
     * The one way every channel finds or adds a client (ADR 0087): the store's client found by this e-mail address,
     * else by this phone number, else a new client with both, this name and this language. Addresses are compared
     * as {@link ContactAddresses} writes them (e-mail in lower case, phone in E.164 with the store's country), and
     * each finds one client per store, so channels adding the same new client at the same moment add it once.
     *
     * @param language the new client's language; {@code null}: the store's
     * @throws IllegalArgumentException when there is no such store, or neither an e-mail address nor a phone number
     */
    @Transactional
    public FoundClient findOrAdd(long storeId, Contact contact, String firstName, String lastName,
                                 Language language) {
        StoreSummary store = organization.store(storeId)
                .orElseThrow(() -> new IllegalArgumentException("No store " + storeId));
        String region = ContactAddresses.region(store.country());
        Optional<String> email = ContactAddresses.email(contact.email());
        Optional<String> phone = ContactAddresses.phone(contact.phone(), region);
        String deciding = email.or(() -> phone)
                .orElseThrow(() -> new IllegalArgumentException("An e-mail address or a phone number is needed"));
        ClientDraft draft = new ClientDraft(storeId, null, firstName == null ? "" : firstName.strip(),
                lastName == null ? "" : lastName.strip(), email.isEmpty() ? null : contact.email().strip(),
                phone.isEmpty() ? null : contact.phone().strip(), null,
                language == null ? store.language() : language, "", List.of(), List.of(), "", null);
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Long> known = holderOf(storeId, email, phone);
            if (known.isPresent()) {
                return new FoundClient(known.get(), false);
            }
            long id = records.insert(draft, clock.instant());
            if (records.claim(storeId, deciding, id)) {
                phone.filter(p -> !p.equals(deciding)).ifPresent(p -> records.claim(storeId, p, id));
                events.publishEvent(new ClientAdded(id, storeId, null));
                return new FoundClient(id, true);
            }
            // Another channel added this client since the look-up and holds the address: find theirs instead.
            records.forget(id);
        }
        throw new IllegalStateException("No client found nor added for an address of store " + storeId);
    }

    /**
     * The store's client found by this e-mail address, else by this phone number, as {@link #findOrAdd} finds: the
     * number as E.164, else (where the store's country did not settle how one of them is written) the oldest
     * client whose number ends with the same digits as this one, or this one with theirs.
     */
    public Optional<Long> find(long storeId, Contact contact) {
        return holderOf(storeId, ContactAddresses.email(contact.email()),
                ContactAddresses.phone(contact.phone(), regionOf(storeId)));
    }

    private Optional<Long> holderOf(long storeId, Optional<String> email, Optional<String> phone) {
        return email.flatMap(a -> records.holderOf(storeId, a))
                .or(() -> phone.flatMap(a -> records.holderOf(storeId, a)))
                .or(() -> phone.flatMap(a -> records.sameLineHolder(storeId, a)));
    }

    private String regionOf(long storeId) {
        return organization.store(storeId).map(s -> ContactAddresses.region(s.country())).orElse(null);
    }

    private static List<String> addressesOf(String email, String phone, String region) {
        List<String> addresses = new ArrayList<>(2);
        ContactAddresses.email(email).ifPresent(addresses::add);
        ContactAddresses.phone(phone, region).ifPresent(addresses::add);
        return addresses;
    }

    /**
     * After a client was saved by hand: their addresses find them unless they already found another client (people
     * sharing a family address stay apart); an address they no longer have goes to the oldest other client who
     * has it.
     */
    private void settleAddresses(long id, ClientDraft draft) {
        List<String> theirs = addressesOf(draft.email(), draft.phone(), regionOf(draft.storeId()));
        List<FreedAddress> freed = records.releaseOthers(id, draft.storeId(), theirs);
        theirs.forEach(address -> records.claim(draft.storeId(), address, id));
        for (FreedAddress f : freed) {
            String region = regionOf(f.storeId());
            records.mayHave(f.storeId(), f.address()).stream()
                    .filter(c -> addressesOf(c.email(), c.phone(), region).contains(f.address()))
                    .findFirst()
                    .ifPresent(c -> records.claim(f.storeId(), f.address(), c.id()));
        }
    }

    /**
     * Gives one client to another associate of the client's store.
     *
     * @return false when there is no such client in scope
     * @throws IllegalArgumentException when the associate does not work in the client's store
     */
    @Transactional
    public boolean reassign(long id, Optional<Long> scope, long associateId) {
        Optional<Long> store = records.storeOf(id, scope.orElse(null));
        if (store.isEmpty()) {
            return false;
        }
        checkAssociate(store.get(), associateId);
        return records.assign(id, scope.orElse(null), associateId, clock.instant());
    }

    /**
     * Moves every client of one associate in a store to another associate of the same store, for instance when
     * someone leaves.
     *
     * @return how many clients moved
     * @throws IllegalArgumentException when the receiving associate may not act in that store, or they are the same
     */
    @Transactional
    public int reassignBook(long storeId, long fromAssociate, long toAssociate) {
        if (fromAssociate == toAssociate) {
            throw new IllegalArgumentException("Same associate");
        }
        // the giver may have left (deactivated): only their clients of this store move
        checkAssociate(storeId, toAssociate);
        return records.reassignBook(storeId, fromAssociate, toAssociate, clock.instant());
    }

    /** The active associates who may keep clients of this store. */
    public List<AssociateSummary> keepersIn(long storeId) {
        return organization.associates(Optional.of(storeId)).stream().filter(AssociateSummary::active).toList();
    }

    private void checkAssociate(long storeId, Long associateId) {
        if (associateId == null) {
            return;
        }
        if (!organization.mayActIn(associateId, storeId)) {
            throw new IllegalArgumentException("Associate " + associateId + " does not work in store " + storeId);
        }
    }

    private void checkExternalId(long storeId, String externalId, Long exceptId) {
        if (externalId != null && !externalId.isBlank()
                && records.externalIdTaken(storeId, externalId.strip(), exceptId)) {
            throw new ExternalIdAlreadyUsedException(externalId);
        }
    }

    /**
     * Finds or creates the clients of {@code storeId} with these POS numbers, in one statement whatever their
     * number. A POS number names a client within one store only: another store's client with the same number is
     * never found nor touched; existing clients of the store keep their details.
     *
     * @return the client id, in {@code storeId}, for each external id
     */
    @Transactional
    public Map<String, Long> ensureImported(long storeId, Collection<ImportedCustomer> customers) {
        return ensureImportedCounting(storeId, customers).ids();
    }

    /**
     * The clients of an import and how many of them were new.
     *
     * @param ids     the client id, in the store, for each external id
     * @param created how many clients were created (the others existed already)
     */
    public record ImportedClients(Map<String, Long> ids, int created) {
    }

    /** As {@link #ensureImported}, also saying how many clients it created (an import's summary shows it). */
    @Transactional
    public ImportedClients ensureImportedCounting(long storeId, Collection<ImportedCustomer> customers) {
        Map<String, Long> ids = new HashMap<>(customers.size() * 2);
        if (customers.isEmpty()) {
            return new ImportedClients(ids, 0);
        }
        String[] externalIds = customers.stream().map(ImportedCustomer::externalId).toArray(String[]::new);
        String[] countries = customers.stream().map(c -> c.country() == null ? "" : c.country()).toArray(String[]::new);
        int created = jdbc.sql("""
                insert into customer (store_id, external_id, country)
                select :store, e, c from unnest(cast(:ids as text[]), cast(:countries as text[])) as t(e, c)
                on conflict (store_id, external_id) where external_id is not null do nothing
                """)
                .param("store", storeId).param("ids", externalIds).param("countries", countries)
                .update();
        jdbc.sql("select external_id, id from customer where store_id = :store and external_id = any(cast(:ids as text[]))")
                .param("store", storeId).param("ids", externalIds)
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                })
                ;
        return new ImportedClients(ids, created);
    }
}
