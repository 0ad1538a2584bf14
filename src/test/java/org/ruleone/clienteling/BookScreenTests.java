package org.ruleone.clienteling;

import java.time.MonthDay;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.DateKind;
import org.ruleone.customers.ImportantDate;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The associate's home screen: whose book it shows, what it reminds of, and sorting, filtering and paging. */
@IntegrationTest
@AutoConfigureMockMvc
@Import(BookFixtures.class)
class BookScreenTests {

    @Autowired MockMvc mvc;
    @Autowired BookFixtures fixtures;
    @Autowired Segments segments;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired org.ruleone.clienteling.Tasks tasks;

    long store;
    long otherStore;
    SignedInAssociate anna;
    SignedInAssociate colleague;
    SignedInAssociate manager;
    SignedInAssociate elsewhere;
    SignedInAssociate otherManager;
    long birthdaySoon, lapsed, bigSpender, colleaguesClient;

    @BeforeEach
    void aStoreWithTwoBooks() {
        store = fixtures.store();
        otherStore = fixtures.store();
        anna = fixtures.person(Role.ASSOCIATE, store);
        colleague = fixtures.person(Role.ASSOCIATE, store);
        manager = fixtures.person(Role.MANAGER, store);
        elsewhere = fixtures.person(Role.ASSOCIATE, otherStore);
        otherManager = fixtures.person(Role.MANAGER, otherStore);

        birthdaySoon = fixtures.client(store, "Bérénice", "Anniversaire", anna.id(), List.of("shoes"),
                new ImportantDate(DateKind.BIRTHDAY, "", MonthDay.of(6, 18), 1990));
        fixtures.visits(store, birthdaySoon, 2, "300", 80, 20);
        lapsed = fixtures.client(store, "Ludwik", "Dawnoniewidziany", anna.id(), List.of("coats"),
                new ImportantDate(DateKind.ANNIVERSARY, "", MonthDay.of(7, 20), null));
        fixtures.visits(store, lapsed, 2, "200", 700, 400);
        bigSpender = fixtures.client(store, "Zofia", "Hojna", anna.id(), List.of("shoes", "bags"));
        fixtures.visits(store, bigSpender, 4, "5000", 300, 3);
        fixtures.client(store, "Nina", "Bezzakupow", anna.id(), List.of());
        colleaguesClient = fixtures.client(store, "Cyprien", "Collegue", colleague.id(), List.of("shoes"));
        fixtures.visits(store, colleaguesClient, 1, "90", 5, 5);
        segments.refresh(SegmentRefresh.Reason.ON_DEMAND);
    }

    @Test
    void anAssociateSeesTheirOwnBookOnly() throws Exception {
        mvc.perform(get("/book").with(user(anna)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bérénice Anniversaire")))
                .andExpect(content().string(containsString("Zofia Hojna")))
                .andExpect(content().string(containsString("4 of 4 clients")))
                .andExpect(content().string(not(containsString("Cyprien"))))
                .andExpect(content().string(not(containsString("/clients/books"))));
    }

    @Test
    void theHomeScreenListsTheTasksDueTodayOfThatAssociateOnly() throws Exception {
        java.time.LocalDate today = tasks.today(store);
        tasks.add(store, anna.id(), bigSpender, "Call Zofia about the new bags", today, anna.id());
        tasks.add(store, colleague.id(), colleaguesClient, "Wrap Cyprien's shoes", today, colleague.id());
        tasks.add(store, anna.id(), lapsed, "Invite Ludwik next month", today.plusDays(20), anna.id());

        mvc.perform(get("/book").with(user(anna)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Due today and overdue (1)")))
                .andExpect(content().string(containsString("Call Zofia about the new bags")))
                .andExpect(content().string(not(containsString("Wrap Cyprien"))))
                .andExpect(content().string(not(containsString("Invite Ludwik"))));
    }

    @Test
    void anotherStoresAssociateSeesNothingOfIt() throws Exception {
        mvc.perform(get("/book").with(user(elsewhere)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("0 of 0 clients")))
                .andExpect(content().string(not(containsString("Bérénice"))));
        mvc.perform(get("/book").param("associate", String.valueOf(anna.id())).with(user(elsewhere)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("Bérénice"))));
        mvc.perform(get("/book").param("associate", String.valueOf(colleague.id())).with(user(anna)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/book").param("associate", String.valueOf(anna.id())).with(user(otherManager)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aManagerChoosesWhoseBookToSeeAmongTheirStoresAssociates() throws Exception {
        mvc.perform(get("/book").param("associate", String.valueOf(anna.id())).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Book of " + anna.name())))
                .andExpect(content().string(containsString("Zofia Hojna")))
                .andExpect(content().string(containsString("href=\"/clients/books\"")))
                .andExpect(content().string(containsString("<option value=\"" + colleague.id() + "\"")))
                .andExpect(content().string(not(containsString("<option value=\"" + elsewhere.id() + "\""))));
        mvc.perform(get("/book").param("associate", String.valueOf(colleague.id())).with(user(fixtures.signedIn(
                        fixtures.person(Role.OWNER, null).id()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Cyprien Collegue")))
                .andExpect(content().string(not(containsString("Zofia Hojna"))));
    }

    @Test
    void remindsOfABirthdayInTheNextTwoWeeksAndShowsWhoIsDriftingAway() throws Exception {
        String page = mvc.perform(get("/book").with(user(anna))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String dates = section(page, "book-dates");
        assertThat(dates).contains("Bérénice Anniversaire", "birthday, turns 36", "in 3 days, Thursday 18 June");
        assertThat(dates).doesNotContain("Ludwik");
        String drifting = section(page, "book-drifting");
        assertThat(drifting).contains("Ludwik Dawnoniewidziany", "Lapsed").doesNotContain("Zofia");
        String recent = section(page, "book-recent");
        assertThat(recent).contains("Zofia Hojna").doesNotContain("Cyprien");
    }

    @Test
    void filtersTheBookBySegmentAndByPreference() throws Exception {
        String lapsedOnly = results(mvc.perform(get("/book").param("segment", "LAPSED").with(user(anna)))
                .andReturn().getResponse().getContentAsString());
        assertThat(lapsedOnly).contains("Ludwik", "1 of 4 clients").doesNotContain("Zofia", "Bérénice");

        String shoes = results(mvc.perform(get("/book").param("tag", "SHOES").with(user(anna)))
                .andReturn().getResponse().getContentAsString());
        assertThat(shoes).contains("Zofia", "Bérénice", "2 of 4 clients").doesNotContain("Ludwik", "Nina");

        String neverBought = results(mvc.perform(get("/book").param("segment", "NONE").with(user(anna)))
                .andReturn().getResponse().getContentAsString());
        assertThat(neverBought).contains("Nina Bezzakupow", "1 of 4 clients");
    }

    @Test
    void sortsTheWholeBookBySpendLastVisitOrVisits() throws Exception {
        assertThat(order("spend", "desc")).containsExactly("Zofia", "Bérénice", "Ludwik", "Nina");
        assertThat(order("spend", "asc")).containsExactly("Ludwik", "Bérénice", "Zofia", "Nina");
        assertThat(order("last-visit", "desc")).containsExactly("Zofia", "Bérénice", "Ludwik", "Nina");
        assertThat(order("visits", "desc")).containsExactly("Zofia", "Bérénice", "Ludwik", "Nina");
        assertThat(order("name", "asc")).containsExactly("Bérénice", "Nina", "Ludwik", "Zofia");
    }

    @Test
    void pagesALongBookAndKeepsTheFilterAcrossPages() throws Exception {
        for (int i = 0; i < 22; i++) {
            fixtures.client(store, "Extra" + i, String.format("Zzz%02d", i), anna.id(), List.of("hats"));
        }
        String first = mvc.perform(get("/book").param("tag", "hats").param("sort", "name").with(user(anna)))
                .andReturn().getResponse().getContentAsString();
        assertThat(results(first)).contains("22 of 26 clients", "Page 1 of 2", "Zzz00", "Zzz19").doesNotContain("Zzz20");
        assertThat(first).contains("/book?tag=hats&amp;sort=name&amp;dir=asc&amp;page=2");
        String second = mvc.perform(get("/book").param("tag", "hats").param("sort", "name").param("dir", "asc")
                        .param("page", "2").with(user(anna)))
                .andReturn().getResponse().getContentAsString();
        assertThat(results(second)).contains("Page 2 of 2", "Zzz20", "Zzz21").doesNotContain("Zzz19");
    }

    @Test
    void unknownSortOrPageFallsBackInsteadOfFailing() throws Exception {
        mvc.perform(get("/book").param("sort", "nonsense").param("page", "x").param("segment", "nope")
                        .with(user(anna)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("4 of 4 clients")));
    }

    @Test
    void speaksFrenchAndPolish() throws Exception {
        long frenchBook = fixtures.person(Role.ASSOCIATE, store, Language.FR).id();
        fixtures.visits(store, fixtures.client(store, "Jérôme", "Parti", frenchBook, List.of()), 1, "10", 900, 900);
        long polishBook = fixtures.person(Role.ASSOCIATE, store, Language.PL).id();
        fixtures.visits(store, fixtures.client(store, "Łucja", "Dawna", polishBook, List.of()), 1, "10", 900, 900);
        segments.refresh(SegmentRefresh.Reason.ON_DEMAND);

        mvc.perform(get("/book").with(user(fixtures.signedIn(frenchBook))))
                .andExpect(content().string(containsString("Mon carnet")))
                .andExpect(content().string(containsString("Perdus de vue")));
        mvc.perform(get("/book").with(user(fixtures.signedIn(polishBook))))
                .andExpect(content().string(containsString("Moi klienci")))
                .andExpect(content().string(containsString("Uśpieni")));
    }

    @Test
    void aManagerRecomputesSegmentsOnDemandAndAnAssociateMayNot() throws Exception {
        mvc.perform(post("/book/segments/refresh").with(user(anna)).with(csrf()))
                .andExpect(status().isForbidden());
        java.time.Instant before = segments.lastRefreshedAt().orElseThrow();
        long refreshes = jdbc.sql("select count(*) from book_segment_refresh where reason = 'ON_DEMAND'")
                .query(Long.class).single();

        mvc.perform(post("/book/segments/refresh").param("back", "?associate=" + anna.id())
                        .with(user(manager)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/book?associate=" + anna.id()))
                .andExpect(flash().attribute("refreshStarted", true));

        long deadline = System.currentTimeMillis() + 20_000;
        while (jdbc.sql("select count(*) from book_segment_refresh where reason = 'ON_DEMAND' and finished_at is not null")
                .query(Long.class).single() <= refreshes && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(jdbc.sql("select count(*) from book_segment_refresh where reason = 'ON_DEMAND' and finished_at is not null")
                .query(Long.class).single()).isGreaterThan(refreshes);
        assertThat(segments.lastRefreshedAt().orElseThrow()).isAfterOrEqualTo(before);
    }

    private List<String> order(String sort, String dir) throws Exception {
        String html = results(mvc.perform(get("/book").param("sort", sort).param("dir", dir).with(user(anna)))
                .andReturn().getResponse().getContentAsString());
        return List.of("Zofia", "Bérénice", "Ludwik", "Nina").stream()
                .sorted((a, b) -> Integer.compare(html.indexOf(a), html.indexOf(b))).toList();
    }

    private static String results(String page) {
        return page.substring(page.indexOf("id=\"book-results\""));
    }

    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        return page.substring(start, page.indexOf("</section>", start));
    }
}
