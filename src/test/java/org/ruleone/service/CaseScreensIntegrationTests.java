package org.ruleone.service;

import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class CaseScreensIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired ServiceFixtures fixtures;
    @Autowired CaseDesk desk;
    @Autowired ClientBook book;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    long storeA;
    long storeB;
    SignedInAssociate associateA;
    SignedInAssociate associateB;

    @BeforeEach
    void twoStores() {
        storeA = fixtures.store();
        storeB = fixtures.store();
        associateA = fixtures.associate(storeA);
        associateB = fixtures.associate(storeB);
    }

    @Test
    void opensACaseForAClientAddedOnTheSpot() throws Exception {
        MvcResult result = mvc.perform(post("/cases").with(user(associateA)).with(csrf())
                        .param("firstName", "Hank").param("lastName", "Tirewright").param("phone", "+1 206 555 0100")
                        .param("channel", "IN_STORE").param("subject", "Snow tires")
                        .param("message", "I want my money back for these tires."))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/cases/*"))
                .andReturn();
        long id = Long.parseLong(result.getResponse().getRedirectedUrl().substring("/cases/".length()));

        ServiceCase opened = desk.find(id, associateA.storeScope()).orElseThrow();
        assertThat(opened.storeId()).isEqualTo(storeA);
        assertThat(opened.ownerId()).isEqualTo(associateA.id());
        assertThat(opened.channel()).isEqualTo(Channel.IN_STORE);
        assertThat(opened.messages()).singleElement().extracting(CaseMessage::body)
                .isEqualTo("I want my money back for these tires.");
        Client hank = book.client(opened.customerId(), associateA.storeScope()).orElseThrow();
        assertThat(hank.displayName()).isEqualTo("Hank Tirewright");
        assertThat(hank.phone()).isEqualTo("+1 206 555 0100");

        mvc.perform(get("/cases/{id}", id).with(user(associateA)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Snow tires"), containsString("Hank Tirewright"),
                        containsString("I want my money back for these tires."), containsString("In store"))));
    }

    @Test
    void opensACaseForAClientFoundInTheBookInTheirLanguage() throws Exception {
        long amelie = fixtures.client(storeA, "Amélie", "Poulain", Language.FR);
        mvc.perform(get("/cases/new/clients").param("clientQuery", "Amelie Poulain").with(user(associateA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + amelie + "\"")));
        MvcResult result = mvc.perform(post("/cases").with(user(associateA)).with(csrf())
                        .param("customerId", String.valueOf(amelie)).param("channel", "PHONE")
                        .param("subject", "Question about opening hours"))
                .andExpect(status().is3xxRedirection()).andReturn();
        long id = Long.parseLong(result.getResponse().getRedirectedUrl().substring("/cases/".length()));
        ServiceCase opened = desk.find(id, Optional.empty()).orElseThrow();
        assertThat(opened.customerId()).isEqualTo(amelie);
        assertThat(opened.language()).isEqualTo(Language.FR);
    }

    @Test
    void keepsEverythingTypedWhenTheCaseFormIsRefused() throws Exception {
        mvc.perform(post("/cases").with(user(associateA)).with(csrf())
                        .param("firstName", "Hank").param("lastName", "").param("email", "not-an-address")
                        .param("channel", "IN_STORE").param("subject", "").param("message", "Tires, again"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Say in a few words what the case is about."),
                        containsString("This is not an e-mail address."), containsString("value=\"Hank\""),
                        containsString("value=\"not-an-address\""), containsString("Tires, again"))));
        assertThat(jdbc.sql("select count(*) from service_case where store_id = :s").param("s", storeA)
                .query(Long.class).single()).isZero();
    }

    @Test
    void treatsAnotherStoresCaseAsIfItDidNotExist() throws Exception {
        long client = fixtures.client(storeA, "Secret", "Customer", Language.EN);
        long id = fixtures.openCase(associateA, storeA, client, "Confidential matter", "Private words");
        long file = desk.attach(id, "receipt.pdf", "application/pdf", new byte[] {1, 2, 3});

        mvc.perform(get("/cases/{id}", id).with(user(associateB)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("Confidential matter"))));
        mvc.perform(get("/cases/{id}/attachments/{f}", id, file).with(user(associateB)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/cases/{id}/replies", id).param("body", "Hijack").with(user(associateB)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/cases/{id}/notes", id).param("body", "Hijack").with(user(associateB)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/cases/{id}/resolution", id).param("kind", "GOODWILL").param("cost", "1")
                        .param("currency", "USD").param("judgment", "Hijack").with(user(associateB)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/cases/{id}/owner", id).param("ownerId", String.valueOf(associateB.id()))
                        .with(user(associateB)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/cases/{id}/attachments", id)
                        .file(new MockMultipartFile("file", "x.txt", "text/plain", "x".getBytes()))
                        .with(user(associateB)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cases").param("mine", "false").param("q", "Confidential").with(user(associateB)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Confidential matter"))));

        ServiceCase untouched = desk.find(id, Optional.empty()).orElseThrow();
        assertThat(untouched.messages()).hasSize(1);
        assertThat(untouched.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(untouched.ownerId()).isEqualTo(associateA.id());
        assertThat(desk.attachments(id, Optional.empty())).hasSize(1);
    }

    @Test
    void refusesAFormPostedWithoutTheCsrfToken() throws Exception {
        long client = fixtures.client(storeA, "Hank", "Tirewright", Language.EN);
        long id = fixtures.openCase(associateA, storeA, client, "Snow tires", null);
        mvc.perform(post("/cases/{id}/notes", id).param("body", "Forged").with(user(associateA)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/cases/{id}/resolution", id).param("kind", "ANSWERED").param("judgment", "Forged")
                        .with(user(associateA)))
                .andExpect(status().isForbidden());
        assertThat(desk.find(id, Optional.empty()).orElseThrow().messages()).isEmpty();
        assertThat(desk.find(id, Optional.empty()).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void showsResolutionErrorsInTheAssociatesLanguageAndKeepsWhatTheyTyped() throws Exception {
        SignedInAssociate french = fixtures.person(Role.ASSOCIATE, storeA, Language.FR);
        long client = fixtures.client(storeA, "Hank", "Tirewright", Language.EN);
        long id = fixtures.openCase(french, storeA, client, "Pneus neige", null);

        mvc.perform(post("/cases/{id}/resolution", id).with(user(french)).with(csrf()).locale(Locale.FRENCH)
                        .header("Accept-Language", "fr")
                        .param("kind", "REFUND").param("cost", "-145").param("currency", "USD")
                        .param("goodsNeverSold", "true").param("judgment", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Le coût ne peut pas être négatif."),
                        containsString("Écrivez une phrase : pourquoi cela aide le client."),
                        containsString("value=\"-145\""))));
        mvc.perform(post("/cases/{id}/resolution", id).with(user(french)).with(csrf()).locale(Locale.FRENCH)
                        .header("Accept-Language", "fr")
                        .param("kind", "REPLACEMENT_SHIPPED").param("cost", "200").param("currency", "USD")
                        .param("carrier", "").param("tracking", "1Z999").param("judgment", "Il en a besoin ce soir."))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Indiquez le transporteur."),
                        containsString("value=\"1Z999\""), containsString("Il en a besoin ce soir."))));
        assertThat(desk.find(id, Optional.empty()).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void showsAResolutionsAmountTheWayAFrenchReaderWritesIt() throws Exception {
        long client = fixtures.client(storeA, "Hugo", "Ourlet", Language.FR);
        long id = fixtures.openCase(associateA, storeA, client, "Ourlet défait", null);
        mvc.perform(post("/cases/{id}/resolution", id).with(user(associateA)).with(csrf())
                        .param("kind", "REFUND").param("cost", "145").param("currency", "EUR")
                        .param("goodsNeverSold", "true")
                        .param("judgment", "Il repart content et le dit autour de lui."))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/cases/{id}", id).param("lang", "fr").with(user(associateA)))
                .andExpect(content().string(allOf(containsString("145,00\u00a0€"),
                        not(containsString("145.00 EUR")), not(containsString("145 EUR")))));
    }

    @Test
    void refundsGoodsTheStoreNeverSoldFromTheForm() throws Exception {
        long client = fixtures.client(storeA, "Hank", "Tirewright", Language.EN);
        long id = fixtures.openCase(associateA, storeA, client, "Snow tires", null);
        mvc.perform(post("/cases/{id}/resolution", id).with(user(associateA)).with(csrf())
                        .param("kind", "REFUND").param("cost", "145,00").param("currency", "USD")
                        .param("goodsNeverSold", "true")
                        .param("judgment", "He leaves happy and tells everyone we take care of people."))
                .andExpect(status().is3xxRedirection());
        ServiceCase resolved = desk.find(id, Optional.empty()).orElseThrow();
        assertThat(resolved.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(resolved.resolutions()).singleElement().satisfies(r -> {
            assertThat(r.resolution().kind()).isEqualTo(ResolutionKind.REFUND);
            assertThat(r.resolution().cost().amount()).isEqualByComparingTo("145");
            assertThat(r.resolution().currency()).isEqualTo("USD");
            assertThat(r.resolution().details()).isEqualTo(new ResolutionDetails.Refund(true));
        });
        mvc.perform(get("/cases/{id}", id).with(user(associateA)))
                .andExpect(content().string(allOf(containsString("goods the store never sold"),
                        containsString("$145.00"), containsString("Reopen the case"))));

        mvc.perform(post("/cases/{id}/reopen", id).with(user(associateA)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        ServiceCase reopened = desk.find(id, Optional.empty()).orElseThrow();
        assertThat(reopened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(reopened.timesReopened()).isEqualTo(1);
    }

    @Test
    void showsTheOwnerEveryStoresCasesAndFiltersThemByStore() throws Exception {
        SignedInAssociate owner = fixtures.person(Role.OWNER, storeA, Language.EN);
        long inA = fixtures.client(storeA, "Anna", "Alpha", Language.EN);
        long inB = fixtures.client(storeB, "Bruno", "Beta", Language.EN);
        fixtures.openCase(associateA, storeA, inA, "Case in store A", null);
        fixtures.openCase(associateB, storeB, inB, "Case in store B", null);

        mvc.perform(get("/cases").with(user(owner)))
                .andExpect(content().string(allOf(containsString("Case in store A"), containsString("Case in store B"))));
        mvc.perform(get("/cases").param("store", String.valueOf(storeB)).with(user(owner)))
                .andExpect(content().string(allOf(not(containsString("Case in store A")),
                        containsString("Case in store B"))));
        mvc.perform(get("/cases").param("mine", "false").param("store", String.valueOf(storeB))
                        .with(user(associateA)))
                .andExpect(content().string(allOf(not(containsString("Case in store B")),
                        containsString("Case in store A"))));
    }

    @Test
    void resolvesACaseThatNeededOnlyAnAnswerAtNoCost() throws Exception {
        long client = fixtures.client(storeA, "Ann", "Asker", Language.EN);
        long id = fixtures.openCase(associateA, storeA, client, "Do you open on Sunday?", null);
        mvc.perform(post("/cases/{id}/resolution", id).with(user(associateA)).with(csrf())
                        .param("kind", "ANSWERED").param("judgment", "She knows when to come."))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select kind || ' ' || cost || ' ' || currency from resolution where case_id = :c")
                .param("c", id).query(String.class).single()).isEqualTo("ANSWERED 0.00 USD");
    }

    @Test
    void repliesThroughHtmxWithTheConversationFragmentAndAnnouncesTheReply() throws Exception {
        long client = fixtures.client(storeA, "Ann", "Asker", Language.EN);
        long id = fixtures.openCase(associateA, storeA, client, "Sizes", null);
        mvc.perform(post("/cases/{id}/replies", id).with(user(associateA)).with(csrf()).header("HX-Request", "true")
                        .param("body", "We have it in a 42.").param("waiting", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"conversation\""),
                        containsString("We have it in a 42."), containsString("Waiting on the customer"),
                        not(containsString("<html")))));
        mvc.perform(post("/cases/{id}/notes", id).with(user(associateA)).with(csrf()).header("HX-Request", "true")
                        .param("body", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Write the note first.")));
        assertThat(events.stream(CaseReplied.class).filter(e -> e.caseId() == id))
                .singleElement().satisfies(e -> assertThat(e.waitingOnCustomer()).isTrue());
        assertThat(desk.find(id, Optional.empty()).orElseThrow().status()).isEqualTo(CaseStatus.WAITING_ON_CUSTOMER);
    }

    @Test
    void listsAnAssociatesOwnCasesByDefaultAndFindsOthersByClientName() throws Exception {
        SignedInAssociate colleague = fixtures.associate(storeA);
        long hank = fixtures.client(storeA, "Hank", "Tirewright", Language.EN);
        long zoe = fixtures.client(storeA, "Zoé", "Żółkiewska", Language.PL);
        fixtures.openCase(associateA, storeA, hank, "Snow tires", null);
        fixtures.openCase(colleague, storeA, zoe, "Soaked boots", null);
        long mailed = fixtures.client(storeA, "Marta", "Mailowska", Language.PL);
        desk.open(new org.ruleone.service.CaseDraft(storeA, mailed, null, org.ruleone.service.Channel.EMAIL,
                "Nobody's yet", null, "Arrived by mail"), Optional.of(storeA));

        mvc.perform(get("/cases").with(user(associateA)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Snow tires"), not(containsString("Soaked boots")))))
                .andExpect(content().string(containsString("Nobody&#39;s yet")));
        mvc.perform(get("/cases").param("mine", "false").param("q", "Zolkiewska").with(user(associateA)))
                .andExpect(content().string(allOf(containsString("Soaked boots"), not(containsString("Snow tires")))));
        mvc.perform(get("/cases").param("mine", "false").param("q", "boots").with(user(associateA)))
                .andExpect(content().string(allOf(containsString("Soaked boots"), not(containsString("Snow tires")))));
        mvc.perform(get("/cases").param("mine", "false").param("status", "RESOLVED").with(user(associateA)))
                .andExpect(content().string(allOf(not(containsString("Soaked boots")), not(containsString("Snow tires")))));
        mvc.perform(get("/cases").param("mine", "false").param("channel", "IN_STORE").with(user(associateA)))
                .andExpect(content().string(allOf(containsString("Soaked boots"), containsString("Snow tires"))));
    }

    @Test
    void downloadsAnUploadedFileAsAnAttachmentWithASafeContentType() throws Exception {
        long client = fixtures.client(storeA, "Hank", "Tirewright", Language.EN);
        long id = fixtures.openCase(associateA, storeA, client, "Boots", null);
        mvc.perform(multipart("/cases/{id}/attachments", id)
                        .file(new MockMultipartFile("file", "../evil<script>.html", "text/html",
                                "<script>alert(1)</script>".getBytes()))
                        .with(user(associateA)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        CaseAttachment stored = desk.attachments(id, associateA.storeScope()).getFirst();
        assertThat(stored.fileName()).isEqualTo("evil<script>.html");
        assertThat(stored.associateId()).isEqualTo(associateA.id());

        mvc.perform(get("/cases/{id}/attachments/{a}", id, stored.id()).with(user(associateA)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/octet-stream"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(get("/cases/{id}", id).with(user(associateA)))
                .andExpect(content().string(allOf(containsString("evil&lt;script&gt;.html"),
                        not(containsString("evil<script>")))));
    }

    @Test
    void refusesAFileLargerThanTheLimit() throws Exception {
        long client = fixtures.client(storeA, "Hank", "Tirewright", Language.EN);
        long id = fixtures.openCase(associateA, storeA, client, "Boots", null);
        byte[] big = new byte[(int) CaseDesk.MAX_ATTACHMENT_BYTES + 1];
        mvc.perform(multipart("/cases/{id}/attachments", id)
                        .file(new MockMultipartFile("file", "huge.bin", "application/octet-stream", big))
                        .with(user(associateA)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(desk.attachments(id, Optional.empty())).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk.attach(id, "huge.bin", null, big))
                .isInstanceOf(CaseAttachmentTooLargeException.class);
    }

    @Test
    void showsFactsFromOtherModulesAndAssignsToAColleague() throws Exception {
        SignedInAssociate colleague = fixtures.named("Craig Colleague", Role.ASSOCIATE, storeA, Language.EN);
        long client = fixtures.client(storeA, "Hank", "Tirewright", Language.EN);
        long id = fixtures.openCase(associateA, storeA, client, "Boots", null);
        mvc.perform(post("/cases/{id}/owner", id).param("ownerId", String.valueOf(colleague.id()))
                        .with(user(associateA)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(desk.find(id, Optional.empty()).orElseThrow().ownerId()).isEqualTo(colleague.id());
        mvc.perform(post("/cases/{id}/owner", id).param("ownerId", String.valueOf(associateB.id()))
                        .with(user(associateA)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(desk.find(id, Optional.empty()).orElseThrow().ownerId()).as("not of this store")
                .isEqualTo(colleague.id());
        mvc.perform(get("/cases/{id}", id).with(user(associateA)))
                .andExpect(content().string(allOf(containsString("First response due"),
                        containsString("tone-warning"), containsString("href=\"/standards/" + id + "\""),
                        not(containsString("href=\"//evil.example\"")))));
    }

    @Test
    void linksTheClientPageToOpeningACase() throws Exception {
        long client = fixtures.client(storeA, "Hank", "Tirewright", Language.EN);
        mvc.perform(get("/clients/{id}", client).with(user(associateA)))
                .andExpect(content().string(containsString("/cases/new?clientId=" + client)));
        mvc.perform(get("/cases/new").param("clientId", String.valueOf(client)).with(user(associateA)))
                .andExpect(content().string(allOf(containsString("Hank Tirewright"),
                        containsString("value=\"" + client + "\" checked"))));
    }

    @Test
    void offersTheCustomersWaysInButNotSurveyFollowUpsWhenOpeningACaseByHand() throws Exception {
        mvc.perform(get("/cases/new").with(user(associateA)))
                .andExpect(content().string(allOf(containsString("value=\"PHONE\""),
                        containsString("value=\"WEB_FORM\""), not(containsString("value=\"SURVEY\"")))));
        // the list still filters by every channel, survey follow-ups included
        mvc.perform(get("/cases").with(user(associateA)))
                .andExpect(content().string(containsString("value=\"SURVEY\"")));
    }

    @Test
    void progressesAPromisedAlterationToReadyThenCollected() throws Exception {
        long client = fixtures.client(storeA, "Sam", "Singer", Language.EN);
        long id = fixtures.openCase(associateA, storeA, client, "Torn tuxedo", null);
        mvc.perform(post("/cases/{id}/resolution", id).with(user(associateA)).with(csrf())
                        .param("kind", "ALTERATION").param("cost", "0").param("currency", "USD")
                        .param("promisedAt", "2026-11-22T21:30").param("judgment", "He goes on stage on time."))
                .andExpect(status().is3xxRedirection());
        RecordedResolution given = desk.find(id, Optional.empty()).orElseThrow().resolutions().getFirst();
        assertThat(given.resolution().details()).isEqualTo(new ResolutionDetails.Alteration(
                java.time.Instant.parse("2026-11-23T05:30:00Z"), AlterationStatus.ORDERED));
        mvc.perform(post("/cases/{id}/alterations/{r}", id, given.id()).param("status", "READY")
                .with(user(associateA)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/cases/{id}/alterations/{r}", id, given.id()).param("status", "COLLECTED")
                .with(user(associateA)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(events.stream(AlterationProgressed.class).filter(e -> e.caseId() == id))
                .extracting(AlterationProgressed::status)
                .containsExactly(AlterationStatus.READY, AlterationStatus.COLLECTED);
    }

    @org.springframework.boot.test.context.TestConfiguration
    static class Facts {
        @org.springframework.context.annotation.Bean
        CaseFactsSource standardsLikeFacts() {
            return (caseId, locale) -> java.util.List.of(
                    new CaseFact("First response due", "today 14:30", CaseFact.Tone.WARNING, "/standards/" + caseId),
                    new CaseFact("Hostile link", "x", CaseFact.Tone.NORMAL, "//evil.example"));
        }
    }
}
