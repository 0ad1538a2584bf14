package org.ruleone.clienteling;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.PostalAddress;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.paper.LabelSheet;
import org.ruleone.paper.PdfText;
import org.ruleone.purchases.TillPurchase;
import org.ruleone.purchases.TillPurchases;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The task list and the print batch as a person sees them, with store scope. */
@IntegrationTest
@AutoConfigureMockMvc
class TaskScreensTests {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired ClientBook book;
    @Autowired TillPurchases till;
    @Autowired Tasks tasks;

    long store;
    SignedInAssociate associate;
    SignedInAssociate manager;
    Task thankYou;

    @BeforeEach
    void aNewClientBought() {
        store = people.store("Screens " + System.nanoTime());
        associate = people.person(Role.ASSOCIATE, store);
        manager = people.person(Role.MANAGER, store);
        String number = "S-" + System.nanoTime();
        long client = book.add(new ClientDraft(store, number, "Zofia", "Wójcik", null, null,
                new PostalAddress("ul. Piotrkowska 1", "", "90-001", "Łódź", "", "Polska"), Language.PL, "",
                List.of(), List.of(), "", associate.id()));
        till.record(new TillPurchase(store, "INV-" + System.nanoTime(), Instant.now().minus(Duration.ofMinutes(5)),
                number, "PL", List.of(new TillPurchase.Line("SKU", "Botki", 1, new BigDecimal("300")))));
        await().atMost(Duration.ofSeconds(20)).until(() -> !tasks.ofClient(store, client).isEmpty());
        thankYou = tasks.ofClient(store, client).get(0);
    }

    @Test
    void anAssociateSeesTheirThankYouDueTodayAndMarksItDoneWithHtmx() throws Exception {
        mvc.perform(get("/tasks").with(user(associate)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Zofia Wójcik"), containsString("Thank-you note"),
                        containsString("Due today (1)"))));

        mvc.perform(post("/tasks/" + thankYou.id() + "/done").header("HX-Request", "true").with(user(associate))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"task-" + thankYou.id() + "\""),
                        containsString("Done by " + associate.name()), not(containsString("<html")))));
        assertThat(tasks.find(thankYou.id(), Optional.empty()).orElseThrow().status()).isEqualTo(TaskStatus.DONE);
    }

    @Test
    void aSecondDoneClickIsRefusedWithAMessageAndChangesNothing() throws Exception {
        mvc.perform(post("/tasks/" + thankYou.id() + "/done").header("HX-Request", "true").with(user(associate))
                .with(csrf())).andExpect(status().isOk());
        Task done = tasks.find(thankYou.id(), Optional.empty()).orElseThrow();

        mvc.perform(post("/tasks/" + thankYou.id() + "/skip").header("HX-Request", "true").with(user(manager))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("had already been marked done or skipped"),
                        containsString("Done by " + associate.name()))));
        mvc.perform(post("/tasks/" + thankYou.id() + "/done").with(user(manager)).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problem", "tasks.error.alreadyClosed"));

        assertThat(tasks.find(thankYou.id(), Optional.empty()).orElseThrow()).isEqualTo(done);
    }

    @Test
    void twoPeopleClosingOneTaskAtOnceLeaveItClosedOnce() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> clicks = List.of(associate, manager).stream()
                    .map(who -> pool.submit(() -> {
                        start.await();
                        return tasks.close(thankYou.id(), Optional.of(store), TaskStatus.DONE, who.id(), "");
                    }))
                    .toList();
            start.countDown();
            List<Boolean> won = new java.util.ArrayList<>();
            for (Future<Boolean> click : clicks) {
                won.add(click.get(20, TimeUnit.SECONDS));
            }
            assertThat(won).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdown();
        }
        Task closed = tasks.find(thankYou.id(), Optional.empty()).orElseThrow();
        assertThat(closed.status()).isEqualTo(TaskStatus.DONE);
        assertThat(tasks.reopen(thankYou.id(), Optional.of(store))).isTrue();
        assertThat(tasks.reopen(thankYou.id(), Optional.of(store))).as("reopening twice").isFalse();
    }

    @Test
    void anotherStoresTaskIsNotFoundAndStaysOpen() throws Exception {
        long other = people.store("Elsewhere " + System.nanoTime());
        SignedInAssociate stranger = people.person(Role.MANAGER, other);

        mvc.perform(post("/tasks/" + thankYou.id() + "/done").with(user(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/paper/sent").param("task", String.valueOf(thankYou.id())).with(user(stranger))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(tasks.find(thankYou.id(), Optional.empty()).orElseThrow().open()).isTrue();
        mvc.perform(get("/tasks").with(user(stranger)))
                .andExpect(content().string(not(containsString("Zofia Wójcik"))));
    }

    @Test
    void aTaskAddedByHandForAClientShowsTheClientAndLandsInTheList() throws Exception {
        mvc.perform(get("/tasks").param("client", String.valueOf(thankYou.customerId())).with(user(associate)))
                .andExpect(content().string(containsString("About Zofia Wójcik")));
        mvc.perform(post("/tasks").param("title", "Call about the boots").param("due", tasks.today(store).toString())
                        .param("client", String.valueOf(thankYou.customerId())).with(user(associate)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(tasks.ofClient(store, thankYou.customerId())).anySatisfy(t -> {
            assertThat(t.kind()).isEqualTo(TaskKind.MANUAL);
            assertThat(t.title()).isEqualTo("Call about the boots");
            assertThat(t.associateId()).isEqualTo(associate.id());
        });
    }

    @Test
    void aManagerSeesCountsPerAssociate() throws Exception {
        mvc.perform(get("/tasks").with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Per associate"), containsString(associate.name()),
                        containsString("/tasks?store=" + store + "&amp;associate=" + associate.id()))));
    }

    @Test
    void aTaskWithoutTitleIsRefusedAndWhatWasTypedIsKept() throws Exception {
        mvc.perform(post("/tasks").param("title", " ").param("due", "2026-13-45").with(user(associate)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problem", "tasks.add.needTitle"));
        mvc.perform(post("/tasks").param("title", "Call Mrs Nowak").param("due", "someday").with(user(associate))
                        .with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problem", "tasks.add.needDate"));
    }

    @Test
    void theLabelSheetIsAPdfWithTheAddressInItsLabelAndMarkingSentClosesTheTask() throws Exception {
        byte[] pdf = mvc.perform(post("/paper/labels.pdf").param("task", String.valueOf(thankYou.id()))
                        .param("sheet", "AVERY_L7160").param("startAt", "8").with(user(associate)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        PdfText text = new PdfText(pdf);
        // Started at the 8th label of a used sheet. The store's country is not known, so the country line is
        // printed, in the store's language (Polish).
        for (String line : List.of("Zofia Wójcik", "ul. Piotrkowska 1", "90-001 Łódź", "POLSKA")) {
            assertThat(text.only(line).inside(LabelSheet.AVERY_L7160.label(7))).as(line).isTrue();
        }

        byte[] cards = mvc.perform(post("/paper/cards.pdf").param("task", String.valueOf(thankYou.id()))
                        .param("format", "A6").with(user(associate)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new PdfText(cards).all).contains("Zofia Wójcik", "Dziękuję za wizytę", associate.name());

        mvc.perform(post("/paper/sent").param("task", String.valueOf(thankYou.id())).with(user(associate))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        Task done = tasks.find(thankYou.id(), Optional.empty()).orElseThrow();
        assertThat(done.status()).isEqualTo(TaskStatus.DONE);
        assertThat(done.closedBy()).isEqualTo(associate.id());
        assertThat(done.closedNote()).isEqualTo("printed");
    }

    @Test
    void aClientChosenByHandGetsACardAndAnotherStoresClientDoesNot() throws Exception {
        long regular = book.add(new ClientDraft(store, null, "Hélène", "Château", null, null,
                new PostalAddress("12 rue de l’Église", "", "45000", "Orléans", "", "France"), Language.FR, "",
                List.of(), List.of(), "", associate.id()));
        long other = people.store("Far " + System.nanoTime());
        long stranger = book.add(new ClientDraft(other, null, "Zbigniew", "Obcy", null, null, null, Language.PL, "",
                List.of(), List.of(), "", null));

        mvc.perform(get("/paper").param("client", String.valueOf(regular), String.valueOf(stranger))
                        .with(user(associate)))
                .andExpect(content().string(allOf(containsString("Hélène Château"), not(containsString("Obcy")),
                        containsString("chosen by hand, no task to close"))));
        byte[] cards = mvc.perform(post("/paper/cards.pdf").param("client", String.valueOf(regular))
                        .with(user(associate)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        PdfText text = new PdfText(cards);
        assertThat(text.only("Hélène Château").page()).isEqualTo(1);
        assertThat(text.all).contains("Merci de votre visite").doesNotContain("Zofia");

        mvc.perform(post("/paper/cards.pdf").param("client", String.valueOf(stranger)).with(user(associate))
                        .with(csrf()))
                .andExpect(status().isSeeOther());
    }

    @Test
    void downloadingWithNothingChosenSendsThePersonBackWithAMessage() throws Exception {
        mvc.perform(post("/paper/labels.pdf").with(user(associate)).with(csrf()))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", containsString("problem=noneChosen")));
        mvc.perform(get("/paper").param("problem", "noneChosen").with(user(associate)))
                .andExpect(content().string(containsString("Tick at least one note first.")));
    }
}
