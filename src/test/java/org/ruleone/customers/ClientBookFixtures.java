package org.ruleone.customers;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.ruleone.organization.AssociateDraft;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreDraft;
import org.ruleone.shared.Language;
import org.springframework.stereotype.Component;

/** Stores, people and clients for tests; every store gets a fresh name, so tests sharing a database stay apart. */
@Component
public class ClientBookFixtures {

    private final Organization organization;
    private final ClientBook book;

    ClientBookFixtures(Organization organization, ClientBook book) {
        this.organization = organization;
        this.book = book;
    }

    /** A new store; the first one also gets an owner, without whom every page leads to the first-run screen. */
    long store() {
        long id = organization.createStore(new StoreDraft("Store " + UUID.randomUUID(), "", "FR",
                ZoneId.of("Europe/Paris"), Language.EN, List.of()));
        if (!organization.hasOwner()) {
            person(Role.OWNER, id, Language.EN);
        }
        return id;
    }

    SignedInAssociate person(Role role, Long storeId, Language language) {
        String email = UUID.randomUUID() + "@example.com";
        organization.createAssociate(new AssociateDraft("Person " + email.substring(0, 6), email, role, storeId,
                null, language), "correct horse battery staple");
        return organization.signInDetails(email).orElseThrow();
    }

    SignedInAssociate associate(long storeId) {
        return person(Role.ASSOCIATE, storeId, Language.EN);
    }

    long client(long storeId, String first, String last, String email, String phone, Long associateId) {
        return book.add(new ClientDraft(storeId, null, first, last, email, phone, PostalAddress.NONE, Language.EN, "",
                List.of(), List.of(), "", associateId));
    }
}
