package org.ruleone.customers;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class ClientPagesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired ClientBook book;
    @Autowired Consents consents;
    @Autowired ClientBookFixtures fixtures;

    long storeA;
    long storeB;
    SignedInAssociate associateA;
    long clientOfB;

    /** The fake sources live as long as the shared context: no other test's client shows these entries. */
    @AfterEach
    void forgetFakeEntries() {
        FakeClientSources.PURCHASES.clear();
        FakeClientSources.CASES.clear();
        FakeClientSources.FIGURES.clear();
    }

    @BeforeEach
    void twoStores() {
        storeA = fixtures.store();
        storeB = fixtures.store();
        associateA = fixtures.associate(storeA);
        clientOfB = fixtures.client(storeB, "Bérénice", "Secrète", "berenice@example.fr", "0601020304", null);
    }

    @Test
    void hidesAnotherStoresClientFromAnAssociate() throws Exception {
        mvc.perform(get("/clients/{id}", clientOfB).with(user(associateA)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("Secrète"))));
        mvc.perform(get("/clients/{id}/edit", clientOfB).with(user(associateA)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/clients/{id}/consents", clientOfB).param("channel", "EMAIL").param("granted", "true")
                        .with(user(associateA)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/clients/{id}/associate", clientOfB).param("associateId", String.valueOf(associateA.id()))
                        .with(user(associateA)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/clients/{id}", clientOfB).param("lastName", "Hijacked").param("language", "en")
                        .with(user(associateA)).with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(book.client(clientOfB, Optional.empty())).get()
                .returns("Secrète", Client::lastName).returns(null, Client::associateId);
        assertThat(consents.history(clientOfB)).isEmpty();
    }

    @Test
    void leavesAnotherStoresClientOutOfSearchResults() throws Exception {
        mvc.perform(get("/clients").param("q", "Berenice Secrete").with(user(associateA)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Secrète"))));
    }

    @Test
    void showsEveryStoresClientToTheOwner() throws Exception {
        SignedInAssociate owner = fixtures.person(Role.OWNER, storeA, Language.EN);

        mvc.perform(get("/clients/{id}", clientOfB).with(user(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bérénice Secrète")));
    }

    @Test
    void answersHtmxWithTheResultsFragmentAndBrowsersWithTheWholePage() throws Exception {
        fixtures.client(storeA, "Stanisław", "Żółkiewski", null, null, associateA.id());

        mvc.perform(get("/clients").param("q", "zolkiewski").header("HX-Request", "true").with(user(associateA)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Stanisław Żółkiewski"), not(containsString("<html")),
                        containsString("id=\"client-results\""))));
        mvc.perform(get("/clients").param("q", "zolkiewski").with(user(associateA)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Stanisław Żółkiewski"), containsString("<html"),
                        containsString("hx-trigger=\"input changed delay:250ms, search\""))));
    }

    @Test
    void listsTheAssociatesOwnClientsWhenNothingIsTyped() throws Exception {
        fixtures.client(storeA, "Mine", "Keeper", null, null, associateA.id());
        fixtures.client(storeA, "Colleagues", "Client", null, null, null);

        mvc.perform(get("/clients").with(user(associateA)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Mine Keeper"), not(containsString("Colleagues Client")))));
    }

    @Test
    void showsTheClientPageWithFriendlyEmptyStates() throws Exception {
        long id = fixtures.client(storeA, "Émile", "Zola", null, null, associateA.id());

        mvc.perform(get("/clients/{id}", id).with(user(associateA)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Émile Zola"), containsString(associateA.name()),
                        containsString("Nothing has happened with this client yet"),
                        containsString("Never asked"))));
    }

    @Test
    void mergesEveryModulesTimelineNewestFirstAndShowsTheirFigures() throws Exception {
        long id = fixtures.client(storeA, "Regular", "Visitor", null, null, associateA.id());
        FakeClientSources.PURCHASES.put(id, List.of(FakeClientSources.entry("2026-03-01T10:00:00Z", "Bought boots"),
                FakeClientSources.entry("2025-01-01T10:00:00Z", "Bought socks")));
        FakeClientSources.CASES.put(id, List.of(FakeClientSources.entry("2025-06-01T10:00:00Z", "Boots soaked by carrier")));
        FakeClientSources.FIGURES.put(id, List.of(new ClientFigure("clients.books.size", "1 234,50 €")));

        String page = mvc.perform(get("/clients/{id}", id).with(user(associateA)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("1 234,50 €").doesNotContain("Nothing has happened with this client yet");
        assertThat(page.indexOf("Bought boots")).isLessThan(page.indexOf("Boots soaked by carrier"));
        assertThat(page.indexOf("Boots soaked by carrier")).isLessThan(page.indexOf("Bought socks"));
    }

    @Test
    void addsAClientWithTagsAndDatesFromTheForm() throws Exception {
        mvc.perform(post("/clients").with(user(associateA)).with(csrf())
                        .param("storeId", String.valueOf(storeB))
                        .param("firstName", "Irène").param("lastName", "Joliot").param("email", "irene@example.fr")
                        .param("phone", "+33 6 11 22 33 44").param("line1", "1 rue Pierre et Marie Curie")
                        .param("postalCode", "75005").param("city", "Paris").param("country", "France")
                        .param("language", "fr").param("sizes", "38, M").param("tags", "silk, navy ,silk")
                        .param("notes", "Prefers mornings.").param("associateId", String.valueOf(associateA.id()))
                        .param("dates[0].kind", "BIRTHDAY").param("dates[0].label", "").param("dates[0].month", "9")
                        .param("dates[0].day", "12").param("dates[0].year", "1947")
                        .param("dates[1].kind", "CUSTOM").param("dates[1].label", "First visit")
                        .param("dates[1].month", "2").param("dates[1].day", "29").param("dates[1].year", "")
                        .param("dates[2].kind", "BIRTHDAY").param("dates[2].label", "").param("dates[2].month", "")
                        .param("dates[2].day", "").param("dates[2].year", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/clients/*"));

        ClientSummary found = book.search("irene@example.fr", Optional.of(storeA)).getFirst();
        Client client = book.client(found.id(), Optional.of(storeA)).orElseThrow();
        assertThat(client.storeId()).as("an associate files clients in their own store").isEqualTo(storeA);
        assertThat(client.tags()).containsExactly("navy", "silk");
        assertThat(client.language()).isEqualTo(Language.FR);
        assertThat(client.associateId()).isEqualTo(associateA.id());
        assertThat(client.address().city()).isEqualTo("Paris");
        assertThat(client.dates()).extracting(d -> d.kind() + " " + d.label() + " " + d.monthDay() + " " + d.year())
                .containsExactly("CUSTOM First visit --02-29 null", "BIRTHDAY  --09-12 1947");
    }

    @Test
    void offersTheFormEmptyForANewClientAndFilledForAnExistingOne() throws Exception {
        long id = book.add(new ClientDraft(storeA, "POS-" + storeA, "Coco", "Chanel", "coco@example.fr", "01 23",
                new PostalAddress("31 rue Cambon", "", "75001", "Paris", "", "France"), Language.FR, "36",
                List.of("tweed"), List.of(new ImportantDate(DateKind.BIRTHDAY, "", java.time.MonthDay.of(8, 19), 1983)),
                "Likes pearls.", associateA.id()));

        mvc.perform(get("/clients/new").with(user(associateA)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("name=\"dates[1].month\""),
                        not(containsString("name=\"dates[2].month\"")))));
        mvc.perform(get("/clients/{id}/edit", id).with(user(associateA)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"Chanel\""),
                        containsString("value=\"31 rue Cambon\""), containsString("value=\"tweed\""),
                        containsString("value=\"1983\""), containsString("Likes pearls."),
                        containsString("name=\"dates[2].month\""))));
    }

    @Test
    void letsTheOwnerFileAClientInAnyStoreWithThatStoresAssociate() throws Exception {
        SignedInAssociate owner = fixtures.person(Role.OWNER, storeA, Language.EN);
        SignedInAssociate associateB = fixtures.associate(storeB);

        mvc.perform(post("/clients").with(user(owner)).with(csrf())
                        .param("storeId", String.valueOf(storeB)).param("firstName", "Yves").param("lastName", "Saint Laurent")
                        .param("language", "fr").param("associateId", String.valueOf(associateB.id())))
                .andExpect(status().is3xxRedirection());

        ClientSummary filed = book.search("Yves Saint Laurent", Optional.of(storeB)).getFirst();
        assertThat(filed.storeId()).isEqualTo(storeB);
        assertThat(filed.associateId()).isEqualTo(associateB.id());
    }

    @Test
    void keepsEverythingTypedWhenTheFormIsRefusedAndExplainsInTheAssociatesLanguage() throws Exception {
        SignedInAssociate french = fixtures.person(Role.ASSOCIATE, storeA, Language.FR);

        mvc.perform(post("/clients").with(user(french)).with(csrf())
                        .param("storeId", String.valueOf(storeA))
                        .param("firstName", "Gaston").param("lastName", "Lagaffe").param("email", "pas-une-adresse")
                        .param("language", "fr").param("notes", "Gaffeur notoire, tres gentil.").param("tags", "gaffes")
                        .param("dates[0].kind", "CUSTOM").param("dates[0].label", "").param("dates[0].month", "2")
                        .param("dates[0].day", "30").param("dates[0].year", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("value=\"Gaston\""), containsString("value=\"pas-une-adresse\""),
                        containsString("Gaffeur notoire, tres gentil."), containsString("value=\"gaffes\""),
                        containsString("Cela ne ressemble pas à une adresse e-mail"),
                        containsString("Ce mois n’a pas ce jour-là."),
                        containsString("Précisez ce qu’est cette date"))));

        assertThat(book.search("Lagaffe", Optional.of(storeA))).isEmpty();
    }

    @Test
    void acceptsAnotherStoresClientNumberWithoutRevealingIt() throws Exception {
        String number = "POS-B-" + storeB;
        long numberedOfB = book.add(new ClientDraft(storeB, number, "Other", "Storeclient", null, null, null,
                Language.EN, "", List.of(), List.of(), "", null));

        mvc.perform(post("/clients").with(user(associateA)).with(csrf())
                        .param("storeId", String.valueOf(storeA)).param("lastName", "Numbered")
                        .param("externalId", number).param("language", "en"))
                .andExpect(status().is3xxRedirection());

        ClientSummary added = book.search("Numbered", Optional.of(storeA)).getFirst();
        assertThat(added.externalId()).isEqualTo(number);
        assertThat(added.storeId()).isEqualTo(storeA);
        assertThat(book.client(numberedOfB, Optional.empty()).orElseThrow().storeId()).isEqualTo(storeB);
    }

    @Test
    void refusesAClientNumberAlreadyUsedInTheSameStore() throws Exception {
        String number = "POS-A-" + storeA;
        book.add(new ClientDraft(storeA, number, "First", "Holder", null, null, null, Language.EN, "", List.of(),
                List.of(), "", null));

        mvc.perform(post("/clients").with(user(associateA)).with(csrf())
                        .param("storeId", String.valueOf(storeA)).param("lastName", "Secondholder")
                        .param("externalId", number).param("language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This client number is already used in this store.")));

        assertThat(book.search("Secondholder", Optional.of(storeA))).isEmpty();
    }

    @Test
    void refusesAnAssociateOfAnotherStoreAsKeeper() throws Exception {
        SignedInAssociate associateB = fixtures.associate(storeB);

        mvc.perform(post("/clients").with(user(associateA)).with(csrf())
                        .param("storeId", String.valueOf(storeA)).param("lastName", "Wrongkeeper")
                        .param("language", "en").param("associateId", String.valueOf(associateB.id())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose an associate who works in the client’s store.")));

        assertThat(book.search("Wrongkeeper", Optional.of(storeA))).isEmpty();
    }

    @Test
    void recordsConsentWithWordingMethodAndWhoThroughTheClientPage() throws Exception {
        long id = book.add(new ClientDraft(storeA, null, "Zofia", "Nałkowska", null, null, PostalAddress.NONE,
                Language.PL, "", List.of(), List.of(), "", null));

        mvc.perform(post("/clients/{id}/consents", id).param("channel", "EMAIL").param("granted", "true")
                        .with(user(associateA)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "clients.consent.notice.EMAIL.grant"));

        ConsentState state = consents.current(id, ConsentChannel.EMAIL).orElseThrow();
        assertThat(state.granted()).isTrue();
        assertThat(state.method()).isEqualTo(ConsentMethod.IN_STORE);
        assertThat(state.recordedBy()).isEqualTo(associateA.id());
        assertThat(state.wording()).as("the client's language, not the associate's")
                .startsWith("Zgadzam się, aby sklep i mój osobisty sprzedawca wysyłali mi e-maile");
        assertThat(consents.current(id, ConsentChannel.POST)).isEmpty();

        mvc.perform(get("/clients/{id}", id).with(user(associateA)))
                .andExpect(content().string(allOf(containsString("Zgadzam się, aby sklep"),
                        containsString("In store"), containsString(associateA.name()))));
    }

    @Test
    void reassignsOneClientToAColleagueOfTheSameStore() throws Exception {
        SignedInAssociate colleague = fixtures.associate(storeA);
        long id = fixtures.client(storeA, "Handed", "Over", null, null, associateA.id());

        mvc.perform(post("/clients/{id}/associate", id).param("associateId", String.valueOf(colleague.id()))
                        .with(user(associateA)).with(csrf()))
                .andExpect(flash().attribute("reassignedTo", colleague.name()));

        assertThat(book.client(id, Optional.of(storeA)).orElseThrow().associateId()).isEqualTo(colleague.id());
    }

    @Test
    void reassignsAWholeBookAndShowsHowManyMoved() throws Exception {
        SignedInAssociate manager = fixtures.person(Role.MANAGER, storeA, Language.EN);
        SignedInAssociate leaving = fixtures.associate(storeA);
        SignedInAssociate staying = fixtures.associate(storeA);
        fixtures.client(storeA, "One", "Client", null, null, leaving.id());
        fixtures.client(storeA, "Two", "Client", null, null, leaving.id());
        fixtures.client(storeA, "Three", "Client", null, null, leaving.id());
        fixtures.client(storeA, "Kept", "Client", null, null, staying.id());

        Cookie session = mvc.perform(post("/clients/books").param("from", String.valueOf(leaving.id()))
                        .param("to", String.valueOf(staying.id())).with(user(manager)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("moved", 3))
                .andReturn().getResponse().getCookie("SESSION");

        assertThat(book.bookSize(leaving.id())).isZero();
        assertThat(book.bookSize(staying.id())).isEqualTo(4);
        mvc.perform(get("/clients/books").with(user(manager)).cookie(session))
                .andExpect(content().string(containsString(
                        "3 clients moved from " + leaving.name() + " to " + staying.name() + ".")));
    }

    @Test
    void refusesToHandABookToAnotherStore() throws Exception {
        SignedInAssociate owner = fixtures.person(Role.OWNER, storeA, Language.EN);
        SignedInAssociate leaving = fixtures.associate(storeA);
        SignedInAssociate elsewhere = fixtures.associate(storeB);
        fixtures.client(storeA, "Stays", "Home", null, null, leaving.id());

        mvc.perform(post("/clients/books").param("from", String.valueOf(leaving.id()))
                        .param("to", String.valueOf(elsewhere.id())).with(user(owner)).with(csrf()))
                .andExpect(flash().attribute("problem", "clients.books.invalid"));

        assertThat(book.bookSize(leaving.id())).isEqualTo(1);
    }

    @Test
    void letsOnlyManagersAndOwnersHandBooksOver() throws Exception {
        mvc.perform(get("/clients/books").with(user(associateA))).andExpect(status().isForbidden());
    }
}
