package org.ruleone.customers;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.customers.internal.ClientRecords;
import org.ruleone.customers.internal.ClientSearch;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
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
        return search.search(query, scope.orElse(null), SEARCH_LIMIT);
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
        checkAssociate(draft.storeId(), draft.associateId());
        checkExternalId(draft.storeId(), draft.externalId(), id);
        try {
            return records.update(id, scope.orElse(null), draft, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new ExternalIdAlreadyUsedException(draft.externalId());
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
     * @throws IllegalArgumentException when either associate does not work in that store, or they are the same
     */
    @Transactional
    public int reassignBook(long storeId, long fromAssociate, long toAssociate) {
        if (fromAssociate == toAssociate) {
            throw new IllegalArgumentException("Same associate");
        }
        checkAssociate(storeId, fromAssociate);
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
        boolean inStore = organization.associate(associateId)
                .filter(a -> a.storeId() != null && a.storeId() == storeId)
                .isPresent();
        if (!inStore) {
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
