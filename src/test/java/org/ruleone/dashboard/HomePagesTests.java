package org.ruleone.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ruleone.clienteling.Tasks;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseDraft;
import org.ruleone.service.Channel;
import org.ruleone.service.Resolution;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.ruleone.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every role has a home: an associate their book with today's tasks and open cases, a manager or owner figures. */
@IntegrationTest
@AutoConfigureMockMvc
class HomePagesTests {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired ClientBook clients;
    @Autowired CaseDesk desk;
    @Autowired Tasks tasks;
    @Autowired org.ruleone.organization.Organization organization;

    private long client(long store) {
        return clients.add(new ClientDraft(store, null, "Ada", "Home", null, null, null, Language.EN, "",
                List.of(), List.of(), "", null));
    }

    private long openCase(long store, Long owner, String subject) {
        return desk.open(new CaseDraft(store, client(store), owner, Channel.EMAIL, subject, null, null), Optional.of(store));
    }

    @Test
    void anAssociatesHomeIsTheirBookWithTodaysTasksAndOpenCases() throws Exception {
        long store = people.store("Home book store");
        SignedInAssociate associate = people.person(Role.ASSOCIATE, store);
        SignedInAssociate colleague = people.person(Role.ASSOCIATE, store);
        openCase(store, associate.id(), "Zip broke on the parka");
        openCase(store, colleague.id(), "Someone else's parcel");
        tasks.add(store, associate.id(), client(store), "Call about the fitting", tasks.today(store), associate.id());

        mvc.perform(get("/").with(user(associate))).andExpect(redirectedUrl("/book"));
        mvc.perform(get("/book").with(user(associate)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Call about the fitting"),
                        containsString("My open cases (1)"), containsString("Zip broke on the parka"),
                        not(containsString("Someone else")))));
    }

    @Test
    void aManagersHomeShowsTheirStoresFiguresAndNotAnotherStores() throws Exception {
        long mine = people.store("Home figures Lyon");
        long other = people.store("Home figures Gdansk");
        SignedInAssociate manager = people.person(Role.MANAGER, mine);
        openCase(mine, null, "Lyon one");
        openCase(mine, null, "Lyon two");
        openCase(other, null, "Gdansk one");
        long refunded = openCase(mine, manager.id(), "Lyon refunded");
        desk.resolve(refunded, Optional.of(mine), manager.id(),
                Resolution.refund(Money.of(new BigDecimal("145.50"), "EUR"), true), "Keeps the client.");
        long elsewhere = openCase(other, null, "Gdansk refunded");
        desk.resolve(elsewhere, Optional.of(other), people.owner().id(),
                Resolution.refund(Money.of(new BigDecimal("999.25"), "EUR"), true), "Keeps the client.");

        mvc.perform(get("/").with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Hello, " + manager.name()),
                        containsString("Home figures Lyon"), containsString("Open cases: 2"),
                        containsString("/cases?store=" + mine + "&amp;status=OPEN"),
                        containsString("Tasks due today: 0"), containsString("Spent on service this month: "),
                        containsString("€145.50"), not(containsString("999.25")),
                        not(containsString("Home figures Gdansk")), not(containsString("Outgoing mail")))));
    }

    @Test
    void anOwnersHomeShowsEveryStoreAndTheOutgoingMail() throws Exception {
        long first = people.store("Home owner Paris");
        long second = people.store("Home owner Krakow");
        openCase(second, null, "Krakow one");

        mvc.perform(get("/").param("all", "true").with(user(people.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Home owner Paris"),
                        containsString("Home owner Krakow"), containsString("id=\"store-" + first + "\""),
                        containsString("id=\"store-" + second + "\""), containsString("Outgoing mail"),
                        containsString("/mailroom"))));
    }

    /** The part of the owner's home that is one store's card. */
    private static String card(String page, long store) {
        int start = page.indexOf("id=\"store-" + store + "\"");
        int end = page.indexOf("</section>", start);
        return page.substring(start, end);
    }

    @Test
    void anOwnersHomeGivesEachStoreItsOwnFiguresThoughThemAllAreReadAtOnce() throws Exception {
        long warsaw = people.store("Home each Warsaw");
        long lille = people.store("Home each Lille");
        long quiet = people.store("Home each quiet");
        SignedInAssociate owner = people.owner();
        openCase(warsaw, null, "Warsaw one");
        openCase(warsaw, null, "Warsaw two");
        openCase(warsaw, null, "Warsaw three");
        long lilleCase = openCase(lille, null, "Lille one");
        desk.resolve(lilleCase, Optional.of(lille), owner.id(),
                Resolution.refund(Money.of(new BigDecimal("12.30"), "EUR"), true), "Keeps the client.");
        long warsawCase = openCase(warsaw, null, "Warsaw refunded");
        desk.resolve(warsawCase, Optional.of(warsaw), owner.id(),
                Resolution.refund(Money.of(new BigDecimal("99.99"), "PLN"), true), "Keeps the client.");
        tasks.add(lille, null, client(lille), "Lille due", tasks.today(lille), owner.id());
        tasks.add(lille, null, client(lille), "Lille due too", tasks.today(lille), owner.id());
        tasks.add(warsaw, null, client(warsaw), "Warsaw overdue", tasks.today(warsaw).minusDays(3), owner.id());

        String page = mvc.perform(get("/").param("all", "true").with(user(owner))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        org.assertj.core.api.Assertions.assertThat(card(page, warsaw))
                .contains("Open cases: 3", "Tasks due today: 0 (overdue: 1)", "99.99").doesNotContain("12.30");
        org.assertj.core.api.Assertions.assertThat(card(page, lille))
                .contains("Open cases: 0", "Tasks due today: 2 (overdue: 0)", "12.30").doesNotContain("99.99");
        org.assertj.core.api.Assertions.assertThat(card(page, quiet))
                .contains("Open cases: 0", "Tasks due today: 0 (overdue: 0)").doesNotContain("12.30", "99.99");
    }

    @Test
    void aChainsOwnerSeesTheStoresNeedingAttentionFirstAndCanAskForAll() throws Exception {
        SignedInAssociate owner = people.owner();
        List<Long> quiet = new java.util.ArrayList<>();
        for (int i = 0; i < 26; i++) {
            quiet.add(people.store("Home chain quiet " + i));
        }
        long busy = people.store("Home chain busy");
        openCase(busy, null, "Busy one");
        long late = people.store("Home chain late");
        tasks.add(late, null, client(late), "Late call", tasks.today(late).minusDays(2), owner.id());
        int stores = organization.stores().size();

        String page = mvc.perform(get("/").with(user(owner))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        int cards = page.split("class=\"card stack dashboard-store\"", -1).length - 1;
        org.assertj.core.api.Assertions.assertThat(cards).as("the 24 neediest of more").isEqualTo(24).isLessThan(stores);
        org.assertj.core.api.Assertions.assertThat(page)
                .contains("The " + cards + " of your " + stores + " stores that need attention most");
        org.assertj.core.api.Assertions.assertThat(page)
                .contains("id=\"store-" + late + "\"", "id=\"store-" + busy + "\"",
                        "Show all " + stores + " stores", "/?all=true");
        org.assertj.core.api.Assertions.assertThat(quiet).as("not every quiet store has a card")
                .anyMatch(id -> !page.contains("id=\"store-" + id + "\""));
        org.assertj.core.api.Assertions.assertThat(page.indexOf("id=\"store-" + late + "\""))
                .as("overdue tasks come before open cases").isLessThan(page.indexOf("id=\"store-" + busy + "\""));

        String everyStore = mvc.perform(get("/").param("all", "true").with(user(owner)))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(quiet).allMatch(id -> everyStore.contains("id=\"store-" + id + "\""));
        org.assertj.core.api.Assertions.assertThat(everyStore).doesNotContain("Show all");
        mvc.perform(get("/").with(user(speaking(owner, Language.FR))))
                .andExpect(content().string(containsString("Afficher les " + stores + " boutiques")));
        mvc.perform(get("/").with(user(speaking(owner, Language.PL))))
                .andExpect(content().string(containsString("Pokaż wszystkie sklepy (" + stores + ")")));
    }

    /** The same person, preferring another language (a signed-in person's preference beats the browser's). */
    private static SignedInAssociate speaking(SignedInAssociate a, Language language) {
        return new SignedInAssociate(a.id(), a.name(), a.email(), a.role(), a.storeId(), language, a.passwordHash(),
                a.active());
    }

    @Test
    void theHomePagesSpeakFrenchAndPolish() throws Exception {
        long store = people.store("Home languages");
        SignedInAssociate manager = people.person(Role.MANAGER, store);
        SignedInAssociate associate = people.person(Role.ASSOCIATE, store);

        mvc.perform(get("/").with(user(speaking(manager, Language.FR))))
                .andExpect(content().string(allOf(containsString("Dossiers ouverts : 0"),
                        containsString("Tâches du jour : 0"))));
        mvc.perform(get("/").with(user(speaking(manager, Language.PL))))
                .andExpect(content().string(allOf(containsString("Otwarte sprawy: 0"),
                        containsString("Zadania na dziś: 0"))));
        mvc.perform(get("/book").with(user(speaking(associate, Language.FR))))
                .andExpect(content().string(allOf(containsString("Mes dossiers ouverts (0)"),
                        containsString("Aucun dossier ouvert."))));
        mvc.perform(get("/book").with(user(speaking(associate, Language.PL))))
                .andExpect(content().string(containsString("Moje otwarte sprawy (0)")));
    }
}
