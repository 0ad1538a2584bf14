package org.ruleone.customers;

import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class ClientBookIntegrationTests {

    @Autowired ClientBook book;
    @Autowired Consents consents;
    @Autowired ClientBookFixtures fixtures;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired org.ruleone.organization.Organization organization;

    @Test
    void importsTheSameCustomersOnceAndReturnsTheSameIds() {
        long store = fixtures.store();
        String a = "IMP-" + store + "-A";
        String b = "IMP-" + store + "-B";

        Map<String, Long> first = book.ensureImported(store, List.of(new ImportedCustomer(a, "France"),
                new ImportedCustomer(b, "")));
        long named = first.get(a);
        book.update(named, Optional.empty(), book.client(named, Optional.empty()).orElseThrow().draft());
        Map<String, Long> second = book.ensureImported(store, List.of(new ImportedCustomer(a, "Poland"),
                new ImportedCustomer(b, "")));

        assertThat(second).isEqualTo(first).hasSize(2);
        Client client = book.client(named, Optional.empty()).orElseThrow();
        assertThat(client.address().country()).as("an existing client keeps their details").isEqualTo("France");
        assertThat(client.displayName()).isEqualTo("#" + a);
    }

    @Test
    void givesAnotherStoresPosNumberToANewClientOfTheImportingStore() {
        long store = fixtures.store();
        long otherStore = fixtures.store();
        String number = "IMP-" + otherStore;
        long theirs = book.ensureImported(otherStore, List.of(new ImportedCustomer(number, "France"))).get(number);

        long ours = book.ensureImported(store, List.of(new ImportedCustomer(number, "Poland"))).get(number);

        assertThat(ours).isNotEqualTo(theirs);
        assertThat(book.client(ours, Optional.of(store))).get().returns(number, Client::externalId);
        assertThat(book.client(theirs, Optional.empty())).get()
                .returns(otherStore, Client::storeId).returns("France", c -> c.address().country());
    }

    @Test
    void keepsTagsAndDatesOfAClient() {
        long store = fixtures.store();
        long id = book.add(new ClientDraft(store, null, "Marie", "Curie", "marie@example.fr", null,
                new PostalAddress("11 rue Pierre et Marie Curie", "", "75005", "Paris", "", "France"), Language.FR,
                "38", List.of("lab coats", "black"), List.of(
                        new ImportantDate(DateKind.BIRTHDAY, "", MonthDay.of(11, 7), 1967),
                        new ImportantDate(DateKind.CUSTOM, "Nobel", MonthDay.of(12, 10), null)),
                "Two prizes.", null));

        Client client = book.client(id, Optional.of(store)).orElseThrow();

        assertThat(client.tags()).containsExactly("black", "lab coats");
        assertThat(client.dates()).containsExactly(
                new ImportantDate(DateKind.BIRTHDAY, "", MonthDay.of(11, 7), 1967),
                new ImportantDate(DateKind.CUSTOM, "Nobel", MonthDay.of(12, 10), null));
        assertThat(client.address().postalCode()).isEqualTo("75005");
    }

    @Test
    void refusesAPosNumberAnotherClientAlreadyHas() {
        long store = fixtures.store();
        String pos = "DUP-" + store;
        book.ensureImported(store, List.of(new ImportedCustomer(pos, "")));

        assertThatThrownBy(() -> book.add(new ClientDraft(store, pos, "Second", "Holder", null, null, null,
                Language.EN, "", List.of(), List.of(), "", null)))
                .isInstanceOf(ExternalIdAlreadyUsedException.class);
        assertThat(book.search("Second Holder", Optional.of(store))).isEmpty();
    }

    @Test
    void changesNothingForSomeoneOfAnotherStore() {
        long store = fixtures.store();
        long otherStore = fixtures.store();
        long id = fixtures.client(store, "Ada", "Lovelace", null, null, null);
        ClientDraft renamed = new ClientDraft(otherStore, null, "Ada", "Byron", null, null, null, Language.EN, "",
                List.of(), List.of(), "", null);

        assertThat(book.update(id, Optional.of(otherStore), renamed)).isFalse();
        assertThat(book.client(id, Optional.of(otherStore))).isEmpty();
        assertThat(book.client(id, Optional.empty()).orElseThrow().lastName()).isEqualTo("Lovelace");
    }

    @Test
    void reassignsAWholeBookWithinTheStoreOnly() {
        long store = fixtures.store();
        SignedInAssociate leaving = fixtures.associate(store);
        SignedInAssociate staying = fixtures.associate(store);
        long first = fixtures.client(store, "First", "Client", null, null, leaving.id());
        long second = fixtures.client(store, "Second", "Client", null, null, leaving.id());
        long unassigned = fixtures.client(store, "Nobodys", "Client", null, null, null);

        int moved = book.reassignBook(store, leaving.id(), staying.id());

        assertThat(moved).isEqualTo(2);
        assertThat(book.bookOf(staying.id(), 10)).extracting(ClientSummary::id).containsExactlyInAnyOrder(first, second);
        assertThat(book.bookSize(leaving.id())).isZero();
        assertThat(book.client(unassigned, Optional.empty()).orElseThrow().associateId()).isNull();
    }

    @Test
    void movesTheBookOfAnAssociateWhoLeftAndKeepsTheirClientsEditableMeanwhile() {
        long store = fixtures.store();
        SignedInAssociate leaving = fixtures.associate(store);
        long kept = fixtures.client(store, "Kept", "Client", null, null, leaving.id());
        organization.deactivate(leaving.id());
        SignedInAssociate staying = fixtures.associate(store);
        long other = fixtures.client(store, "Other", "Client", null, null, staying.id());

        ClientDraft edited = book.client(kept, Optional.empty()).orElseThrow().draft();
        assertThat(book.update(kept, Optional.of(store), new ClientDraft(store, null, "Kept", "Client", null, null,
                null, Language.EN, "", List.of(), List.of(), "New note", edited.associateId()))).isTrue();
        assertThatThrownBy(() -> book.reassign(other, Optional.of(store), leaving.id()))
                .as("nobody is given to someone who left").isInstanceOf(IllegalArgumentException.class);
        assertThat(book.reassignBook(store, leaving.id(), staying.id())).isEqualTo(1);
        assertThat(book.client(kept, Optional.empty()).orElseThrow())
                .returns(staying.id(), Client::associateId).returns("New note", Client::notes);
    }

    @Test
    void refusesToGiveClientsToAnAssociateOfAnotherStore() {
        long store = fixtures.store();
        SignedInAssociate here = fixtures.associate(store);
        SignedInAssociate elsewhere = fixtures.associate(fixtures.store());
        long id = fixtures.client(store, "Stays", "Here", null, null, here.id());

        assertThatThrownBy(() -> book.reassignBook(store, here.id(), elsewhere.id()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> book.reassign(id, Optional.of(store), elsewhere.id()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(book.client(id, Optional.empty()).orElseThrow().associateId()).isEqualTo(here.id());
    }

    @Test
    void keepsEveryConsentDecisionAsProofAndTheNewestInForce() {
        long store = fixtures.store();
        SignedInAssociate associate = fixtures.associate(store);
        long id = book.add(new ClientDraft(store, null, "Jeanne", "Lanvin", null, null, null, Language.FR, "",
                List.of(), List.of(), "", null));

        consents.record(id, ConsentChannel.POST, true, ConsentMethod.IN_STORE, associate.id());
        consents.record(id, ConsentChannel.POST, false, ConsentMethod.UNSUBSCRIBE, null);

        ConsentState current = consents.current(id, ConsentChannel.POST).orElseThrow();
        assertThat(current.granted()).isFalse();
        assertThat(consents.granted(id, ConsentChannel.POST)).isFalse();
        assertThat(current.wording()).isEqualTo("Je ne souhaite plus recevoir de courriers commerciaux du magasin.");
        assertThat(consents.history(id)).extracting(ConsentState::granted, ConsentState::method,
                        ConsentState::recordedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(false, ConsentMethod.UNSUBSCRIBE, null),
                        org.assertj.core.groups.Tuple.tuple(true, ConsentMethod.IN_STORE, associate.id()));
        assertThat(consents.history(id).get(1).wording()).startsWith("J’accepte que le magasin");
        assertThat(consents.current(id, ConsentChannel.EMAIL)).isEmpty();
    }

    @Test
    void theConsentInForceThatAudiencesReadFollowsEveryWriteInItsTransaction() {
        long store = fixtures.store();
        SignedInAssociate associate = fixtures.associate(store);
        long id = book.add(new ClientDraft(store, null, "Zofia", "Nałkowska", "zofia@example.org", null, null,
                Language.PL, "", List.of(), List.of(), "", null));
        long other = book.add(new ClientDraft(store, null, "Maria", "Dąbrowska", "maria@example.org", null, null,
                Language.PL, "", List.of(), List.of(), "", null));

        consents.record(id, ConsentChannel.EMAIL, true, ConsentMethod.IN_STORE, associate.id());
        assertThat(emailConsent(id)).containsExactly(true, true);
        consents.record(id, ConsentChannel.EMAIL, false, ConsentMethod.UNSUBSCRIBE, null);
        assertThat(emailConsent(id)).containsExactly(false, true);

        // an imported decision older than the withdrawal does not put it back in force; two clients in one statement
        jdbc.sql("""
                insert into consent (customer_id, channel, granted, recorded_at, method, wording)
                values (:id, 'EMAIL', true, now() - interval '3 years', 'IMPORT', 'old sign-up form'),
                       (:other, 'EMAIL', true, now() - interval '2 years', 'IMPORT', 'old sign-up form'),
                       (:other, 'POST', false, now() - interval '2 years', 'IMPORT', 'old sign-up form')""")
                .param("id", id).param("other", other).update();
        assertThat(emailConsent(id)).containsExactly(false, true);
        assertThat(emailConsent(other)).containsExactly(true, true);
        assertThat(jdbc.sql("select granted, ever_granted from customer_post_consent where customer_id = :id")
                .param("id", other).query((rs, n) -> List.of(rs.getBoolean(1), rs.getBoolean(2))).single())
                .containsExactly(false, false);
        assertThat(consents.granted(id, ConsentChannel.EMAIL)).isFalse();

        jdbc.sql("delete from consent where customer_id = :id and method = 'UNSUBSCRIBE'").param("id", id).update();
        assertThat(emailConsent(id)).containsExactly(true, true);
        jdbc.sql("delete from consent where customer_id = :id").param("id", id).update();
        assertThat(jdbc.sql("select count(*) from customer_email_consent where customer_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
    }

    private List<Boolean> emailConsent(long client) {
        return jdbc.sql("select granted, ever_granted from customer_email_consent where customer_id = :id")
                .param("id", client).query((rs, n) -> List.of(rs.getBoolean(1), rs.getBoolean(2))).single();
    }
}
