package org.ruleone.service;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.PostalAddress;
import org.ruleone.organization.AssociateDraft;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreDraft;
import org.ruleone.shared.Language;
import org.springframework.stereotype.Component;

/** Stores, people, clients and cases for the service desk's tests, each store with a fresh name. */
@Component
public class ServiceFixtures {

    public static final String PASSWORD = "correct horse battery staple";

    private final Organization organization;
    private final ClientBook book;
    private final CaseDesk desk;

    public ServiceFixtures(Organization organization, ClientBook book, CaseDesk desk) {
        this.organization = organization;
        this.book = book;
        this.desk = desk;
    }

    /** A new store in a country; the first one also gets an owner, without whom every page leads to set-up. */
    public long store(String name, String country, ZoneId zone) {
        long id = organization.createStore(new StoreDraft(name + " " + UUID.randomUUID().toString().substring(0, 8),
                "1 Main St", country, zone, Language.EN, List.of()));
        if (!organization.hasOwner()) {
            person(Role.OWNER, id, Language.EN);
        }
        return id;
    }

    public long store() {
        return store("Store", "US", ZoneId.of("America/Los_Angeles"));
    }

    public String storeName(long id) {
        return organization.store(id).orElseThrow().name();
    }

    public SignedInAssociate person(Role role, Long storeId, Language language) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        organization.createAssociate(new AssociateDraft("Person " + email.substring(0, 12), email, role,
                storeId, null, language), PASSWORD);
        return organization.signInDetails(email).orElseThrow();
    }

    public SignedInAssociate named(String name, Role role, long storeId, Language language) {
        String email = name.toLowerCase().replaceAll("[^a-z]", ".") + "-" + UUID.randomUUID().toString().substring(0, 6)
                + "@example.com";
        organization.createAssociate(new AssociateDraft(name, email, role, storeId, null, language), PASSWORD);
        return organization.signInDetails(email).orElseThrow();
    }

    public SignedInAssociate associate(long storeId) {
        return person(Role.ASSOCIATE, storeId, Language.EN);
    }

    public long client(long storeId, String first, String last, Language language) {
        return book.add(new ClientDraft(storeId, null, first, last, null, null, PostalAddress.NONE, language, "",
                List.of(), List.of(), "", null));
    }

    public long openCase(SignedInAssociate by, long storeId, long customerId, String subject, String message) {
        return desk.open(new CaseDraft(storeId, customerId, by.id(), Channel.IN_STORE, subject, null, message),
                Optional.of(storeId));
    }
}
