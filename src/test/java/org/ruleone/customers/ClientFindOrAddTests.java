package org.ruleone.customers;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook.Contact;
import org.ruleone.customers.ClientBook.FoundClient;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreDraft;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@Import(ClientBookFixtures.class)
class ClientFindOrAddTests {

    static final int ADDRESSES = 20;
    static final int SENDERS = 4;

    @Autowired ClientBook book;
    @Autowired ClientBookFixtures fixtures;
    @Autowired Organization organization;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private long storeIn(String country) {
        return organization.createStore(new StoreDraft("Store " + UUID.randomUUID(), "", country,
                ZoneId.of("Europe/London"), Language.EN, List.of()));
    }

    @Test
    void addsOneClientPerAddressWhenTheSameNewAddressesArriveFourTimesAtOnce() throws Exception {
        long store = fixtures.store();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            senders.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < ADDRESSES; i++) {
                    book.findOrAdd(store, ClientBook.Contact.email("new-" + i + "-" + store + "@example.com"),
                            "New", "Client", Language.EN);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> sender : senders) {
            sender.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        int clients = book.count(Optional.of(store));
        System.out.println("clients made for " + ADDRESSES + " addresses sent " + SENDERS + " times at once: "
                + clients);
        assertThat(clients).isEqualTo(ADDRESSES);
    }

    @Test
    void findsOneClientHoweverALondonNumberIsWrittenInAUkStore() {
        fixtures.store();
        long store = storeIn("United Kingdom");

        FoundClient added = book.findOrAdd(store, Contact.phone("+44 20 7946 0000"), "Ada", "Lovelace", null);
        FoundClient trunk = book.findOrAdd(store, Contact.phone("+44 (0)20 7946 0000"), "A", "L", null);
        FoundClient national = book.findOrAdd(store, Contact.phone("020 7946 0000"), "A", "L", null);

        assertThat(added.created()).isTrue();
        assertThat(List.of(trunk, national)).extracting(FoundClient::clientId, FoundClient::created)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(added.clientId(), false));
        assertThat(book.client(added.clientId(), Optional.of(store))).get()
                .returns("+44 20 7946 0000", Client::phone)
                .returns(Language.EN, Client::language);
        assertThat(book.count(Optional.of(store))).isEqualTo(1);
    }

    @Test
    void findsAClientAddedByHandByTheirNumberWrittenAnotherWay() {
        fixtures.store();
        long store = storeIn("GB");
        long ada = fixtures.client(store, "Ada", "Lovelace", null, "020 7946 0000", null);

        assertThat(book.find(store, Contact.phone("+44 20 7946 0000"))).contains(ada);
        assertThat(book.search("+44 20 7946 0000", Optional.of(store))).extracting(ClientSummary::id)
                .containsExactly(ada);
    }

    @Test
    void keepsANumberItCannotReadAsItsDigitsAndFindsItAgain() {
        long store = fixtures.store();

        FoundClient first = book.findOrAdd(store, Contact.phone("+999 123 456"), "Odd", "Number", Language.FR);
        FoundClient again = book.findOrAdd(store, Contact.phone("+999-123-456"), "Odd", "Number", Language.FR);

        assertThat(again).isEqualTo(new FoundClient(first.clientId(), false));
        assertThat(book.client(first.clientId(), Optional.of(store))).get().returns("+999 123 456", Client::phone);
    }

    @Test
    void findsAnEmailAddressWhateverItsCaseAndAddsTheClientInTheStoreLanguage() {
        long store = fixtures.store();
        String address = "Jean.Dupont-" + store + "@Example.fr";

        FoundClient added = book.findOrAdd(store, Contact.email(" " + address + " "), "Jean", "Dupont", null);
        FoundClient found = book.findOrAdd(store, Contact.email(address.toLowerCase()), "J", "D", null);

        assertThat(found).isEqualTo(new FoundClient(added.clientId(), false));
        assertThat(book.client(added.clientId(), Optional.of(store))).get()
                .returns(address, Client::email).returns("Jean", Client::firstName);
    }

    @Test
    void keepsTwoClientsWhoShareAnAddressAndFindsTheOlderUntilTheyChangeIt() {
        long store = fixtures.store();
        String family = "family-" + store + "@example.com";
        long mother = fixtures.client(store, "Anna", "Nowak", family, null, null);
        long son = fixtures.client(store, "Piotr", "Nowak", family, null, null);

        assertThat(book.findOrAdd(store, Contact.email(family), "", "", null))
                .isEqualTo(new FoundClient(mother, false));

        Client her = book.client(mother, Optional.empty()).orElseThrow();
        ClientDraft moved = her.draft();
        book.update(mother, Optional.empty(), new ClientDraft(moved.storeId(), moved.externalId(), moved.firstName(),
                moved.lastName(), "anna-" + store + "@example.com", moved.phone(), moved.address(), moved.language(),
                moved.sizes(), moved.tags(), moved.dates(), moved.notes(), moved.associateId()));

        assertThat(book.findOrAdd(store, Contact.email(family), "", "", null)).isEqualTo(new FoundClient(son, false));
        assertThat(book.find(store, Contact.email("ANNA-" + store + "@example.com"))).contains(mother);
        assertThat(book.count(Optional.of(store))).isEqualTo(2);
    }

    @Test
    void theApplicationRunsThePhoneAddressMigrationWrittenInJava() {
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where version = '105' and success")
                .query(Integer.class).single()).isEqualTo(1);
    }
}
