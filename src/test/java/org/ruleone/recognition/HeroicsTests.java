package org.ruleone.recognition;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.TimelineSource;
import org.ruleone.organization.ProfileSource;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.recognition.internal.HeroMail;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.Resolution;
import org.ruleone.service.ServiceFixtures;
import org.ruleone.shared.Language;
import org.ruleone.shared.Money;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Heroics through the screens, as real people of two stores: reporting (with what is refused), the hero told on their
 * home and by mail, who reads the internal comments, the client's timeline and the hero's profile.
 */
@IntegrationTest
@RecordApplicationEvents
class HeroicsTests {

    @Autowired MockMvc mvc;
    @Autowired ServiceFixtures fixtures;
    @Autowired TestPeople people;
    @Autowired CaseDesk desk;
    @Autowired Heroics heroics;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;
    @Autowired List<TimelineSource> timelines;
    @Autowired List<ProfileSource> profiles;

    long store;
    long otherStore;
    SignedInAssociate reporter;
    SignedInAssociate hero;
    SignedInAssociate manager;
    SignedInAssociate stranger;
    long client;
    long tiresCase;

    @BeforeEach
    void setUp() {
        store = fixtures.store();
        otherStore = fixtures.store();
        reporter = fixtures.named("Rita Reporter", Role.ASSOCIATE, store, Language.EN);
        hero = fixtures.named("Hélène Héros", Role.ASSOCIATE, store, Language.FR);
        manager = fixtures.named("Marek Manager", Role.MANAGER, store, Language.PL);
        stranger = fixtures.named("Sam Stranger", Role.ASSOCIATE, otherStore, Language.EN);
        client = fixtures.client(store, "Tom", "Tires", Language.EN);
        tiresCase = fixtures.openCase(reporter, store, client, "Refund for winter tires", "Two snow tires");
        desk.resolve(tiresCase, Optional.of(store), hero.id(), Resolution.refund(Money.of("145.00", "USD"), true),
                "He drove them over; the store never sold tires, and he is a client for life now.");
    }

    @Test
    void reportsAColleaguesHeroicTellsTheHeroOnTheirHomeAndByMailInTheirLanguage() throws Exception {
        String location = report(reporter, form().param("heroes", String.valueOf(hero.id()))
                .param("caseId", String.valueOf(tiresCase)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        assertThat(jdbc.sql("select customer_id from heroic where id = ?").param(id).query(Long.class).single())
                .as("the case's client is the heroic's").isEqualTo(client);
        assertThat(events.stream(HeroicReported.class).filter(e -> e.heroicId() == id))
                .singleElement().satisfies(e -> {
                    assertThat(e.heroes()).containsExactly(new HeroicReported.Hero(hero.id(), store));
                    assertThat(e.caseId()).isEqualTo(tiresCase);
                });
        assertThat(jdbc.sql("select subject || ' ' || text_body from mail_outbox where dedupe_key = ?")
                .param(HeroMail.dedupeKey(id, hero.id())).query(String.class).single())
                .contains("Rita Reporter a salué ce que vous avez fait", "Two snow tires seen by all");

        String home = mvc.perform(get("/book").with(user(hero)).locale(Locale.FRENCH))
                .andReturn().getResponse().getContentAsString();
        assertThat(home).contains("On a salué votre travail", "Rita Reporter a signalé l’un de vos exploits");
        assertThat(mvc.perform(get("/book").with(user(reporter))).andReturn().getResponse().getContentAsString())
                .doesNotContain("You were recognised");

        String page = mvc.perform(get("/heroics/" + id).with(user(stranger)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Two snow tires seen by all", "Hélène Héros", "145.00", "Resolved in")
                .as("another store's associate does not see the client's name").doesNotContain("Tom Tires");
    }

    @Test
    void tellsAManagerHeroOnTheirDashboardHome() throws Exception {
        reported(form().param("heroes", String.valueOf(manager.id())));

        assertThat(page("/", manager)).contains("Doceniono cię", "Rita Reporter zgłosił(a) twój wyczyn",
                "Two snow tires seen by all");
    }

    @Test
    void escapesHtmlInWhatHappenedAndInComments() throws Exception {
        long id = reported((MockMultipartHttpServletRequestBuilder) multipart("/heroics").param("happenedOn", "2026-01-15")
                .param("what", "<img src=x onerror=alert(1)> kept her calm").param("heroes", String.valueOf(hero.id())));
        mvc.perform(post("/heroics/" + id + "/comments").with(user(hero)).with(csrf())
                .param("body", "<script>alert(2)</script>"));

        assertThat(page("/heroics/" + id, hero)).contains("&lt;img src=x onerror=alert(1)&gt; kept her calm",
                "&lt;script&gt;alert(2)&lt;/script&gt;").doesNotContain("<img src=x", "<script>alert(2)");
    }

    @Test
    void refusesAHeroicAboutOneself() throws Exception {
        String page = report(reporter, form().param("heroes", String.valueOf(reporter.id()), String.valueOf(hero.id())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("You cannot report a heroic about yourself", "Two snow tires seen by all");
        assertThat(heroicsBy(reporter)).isZero();
    }

    @Test
    void opensTheReportFromACaseWithTheCaseAndItsClientChosen() throws Exception {
        assertThat(page("/cases/" + tiresCase, reporter)).contains("/heroics/new?case=" + tiresCase);

        String form = page("/heroics/new?case=" + tiresCase, reporter);

        assertThat(form).containsPattern("<option value=\"" + tiresCase + "\" selected")
                .containsPattern("<option value=\"" + client + "\" selected")
                .as("the reporter is not among the heroes offered")
                .doesNotContain("<option value=\"" + reporter.id() + "\"");
        assertThat(page("/heroics/new?case=" + tiresCase, stranger)).doesNotContain("Refund for winter tires");
    }

    @Test
    void refusesADayInTheFuture() throws Exception {
        String page = report(reporter, (MockMultipartHttpServletRequestBuilder) multipart("/heroics")
                .param("happenedOn", java.time.LocalDate.now().plusDays(3).toString())
                .param("what", "Not yet").param("heroes", String.valueOf(hero.id())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("The day it happened cannot be in the future.");
        assertThat(heroicsBy(reporter)).isZero();
    }

    @Test
    void refusesAnotherStoresCaseOrClientNamedInTheForm() throws Exception {
        long theirClient = fixtures.client(otherStore, "Other", "Client", Language.EN);
        long theirCase = fixtures.openCase(stranger, otherStore, theirClient, "Boots", "Soaked");

        assertThat(report(reporter, form().param("heroes", String.valueOf(hero.id()))
                .param("caseId", String.valueOf(theirCase))).andReturn().getResponse().getContentAsString())
                .contains("That case is not one you can see");
        assertThat(report(reporter, form().param("heroes", String.valueOf(hero.id()))
                .param("clientId", String.valueOf(theirClient))).andReturn().getResponse().getContentAsString())
                .contains("That client is not one you can see");
        assertThat(heroicsBy(reporter)).isZero();
    }

    @Test
    void refusesAPdfOrHtmlAsThePhotoAndKeepsTheRestOfTheForm() throws Exception {
        for (byte[] fake : List.of("%PDF-1.7\n1 0 obj".getBytes(StandardCharsets.US_ASCII),
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))) {
            String page = report(reporter, form().file(new MockMultipartFile("photo", "moment.jpg", "image/jpeg", fake))
                    .param("heroes", String.valueOf(hero.id())).param("caseId", String.valueOf(tiresCase)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

            assertThat(page).contains("This is not a JPEG or PNG photo.", "Two snow tires seen by all")
                    .containsPattern("<option value=\"" + tiresCase + "\" selected")
                    .containsPattern("<option value=\"" + hero.id() + "\" selected");
        }
        assertThat(heroicsBy(reporter)).isZero();
    }

    @Test
    void servesThePhotoAsAnImageThatIsNeverSniffedOrRunAsAPage() throws Exception {
        long id = reported(form().file(new MockMultipartFile("photo", "m.png", "image/png", png()))
                .param("heroes", String.valueOf(hero.id())));

        mvc.perform(get("/heroics/" + id + "/photo").with(user(stranger)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", "sandbox"));
        mvc.perform(get("/heroics/" + id + "/photo")).andExpect(status().is3xxRedirection());
        assertThat(page("/heroics/" + id, stranger)).contains("/heroics/" + id + "/photo");
    }

    @Test
    void showsInternalCommentsOnlyToTheHerosStoreAndTheOwner() throws Exception {
        long id = reported(form().param("heroes", String.valueOf(hero.id())).param("clientId", String.valueOf(client)));
        mvc.perform(post("/heroics/" + id + "/comments").with(user(manager)).with(csrf())
                        .param("body", "Between us: he brought them back twice"))
                .andExpect(status().is3xxRedirection());

        assertThat(page("/heroics/" + id, manager)).contains("Between us: he brought them back twice");
        assertThat(page("/heroics/" + id, people.owner())).contains("Between us: he brought them back twice");
        assertThat(page("/heroics/" + id, stranger)).contains("Two snow tires seen by all")
                .doesNotContain("Between us");
        mvc.perform(post("/heroics/" + id + "/comments").with(user(stranger)).with(csrf()).param("body", "Me too"))
                .andExpect(status().isNotFound());

        assertThat(timelines.stream().flatMap(t -> t.timeline(client, 10, Locale.ENGLISH).stream()))
                .anySatisfy(e -> {
                    assertThat(e.title()).isEqualTo("Heroic by Hélène Héros");
                    assertThat(e.link()).isEqualTo("/heroics/" + id);
                })
                .noneSatisfy(e -> assertThat(e.title() + e.detail()).contains("Between us"));
    }

    @Test
    void addsACommentInPlaceWithHtmxAndRefusesOneTooLong() throws Exception {
        long id = reported(form().param("heroes", String.valueOf(hero.id())));

        String fragment = mvc.perform(post("/heroics/" + id + "/comments").with(user(hero)).with(csrf())
                        .header("HX-Request", "true").param("body", "Thank you, Rita!"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("id=\"comments\"", "Thank you, Rita!").doesNotContain("<html");

        String refused = mvc.perform(post("/heroics/" + id + "/comments").with(user(hero)).with(csrf())
                        .header("HX-Request", "true").param("body", "x".repeat(Heroics.MAX_COMMENT + 1)))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Le commentaire est trop long : 2000 caractères au plus.", "x".repeat(2001));
        assertThat(page("/heroics/" + id, hero)).contains("Thank you, Rita!").doesNotContain("xxxxxxxxxx");
    }

    @Test
    void pagesTheStoresFeedNewestFirst() throws Exception {
        for (int i = 1; i <= 21; i++) {
            heroics.report(reporter.id(), new HeroicDraft(List.of(hero.id()), java.time.LocalDate.of(2026, 1, 1),
                    null, null, "Heroic number " + i + ".", null));
        }

        String first = page("/heroics", reporter);
        assertThat(first.indexOf("Heroic number 21.")).isLessThan(first.indexOf("Heroic number 20."));
        assertThat(first).contains("Heroic number 2.").doesNotContain("Heroic number 1.")
                .contains("/heroics?store=" + store + "&amp;page=1");
        assertThat(page("/heroics?store=" + store + "&page=1", reporter)).contains("Heroic number 1.")
                .doesNotContain("Heroic number 2.");
        assertThat(page("/heroics?store=" + otherStore, reporter)).doesNotContain("Heroic number");
    }

    @Test
    void togglesOnesThanksInPlace() throws Exception {
        long id = reported(form().param("heroes", String.valueOf(hero.id())));

        assertThat(mvc.perform(post("/heroics/" + id + "/thanks").with(user(stranger)).with(csrf())
                .header("HX-Request", "true")).andReturn().getResponse().getContentAsString())
                .contains("Thank you · 1").doesNotContain("<html");
        assertThat(mvc.perform(post("/heroics/" + id + "/thanks").with(user(stranger)).with(csrf())
                .header("HX-Request", "true")).andReturn().getResponse().getContentAsString())
                .contains("Thank you · 0");
        mvc.perform(post("/heroics/" + id + "/thanks").with(user(manager)).with(csrf())
                        .param("back", "/heroics?store=all&page=0"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/heroics?store=all&page=0"));
        mvc.perform(post("/heroics/" + id + "/thanks").with(user(reporter)).with(csrf())
                        .param("back", "https://evil.example/"))
                .andExpect(redirectedUrl("/heroics/" + id));
        mvc.perform(post("/heroics/" + id + "/thanks").with(user(reporter)).with(csrf()));
        assertThat(page("/heroics?store=all", reporter)).contains("Thank you · 1");
    }

    @Test
    void showsTheHerosHeroicsOnTheirProfile() throws Exception {
        long id = reported(form().param("heroes", String.valueOf(hero.id())));

        List<ProfileSource.ProfileSection> sections = profiles.stream()
                .flatMap(p -> p.profile(hero.id(), manager, Locale.ENGLISH).stream()).toList();

        assertThat(sections).anySatisfy(s -> {
            assertThat(s.title()).isEqualTo("Heroics");
            assertThat(s.figures()).contains(new ProfileSource.Figure("Heroics received", "1"),
                    new ProfileSource.Figure("Heroics reported", "0"));
            assertThat(s.lines()).anySatisfy(l -> assertThat(l.link()).isEqualTo("/heroics/" + id));
        });
    }

    private long reported(MockMultipartHttpServletRequestBuilder request) throws Exception {
        String location = report(reporter, request).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private org.springframework.test.web.servlet.ResultActions report(SignedInAssociate who,
                                                                      MockMultipartHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf()));
    }

    private static MockMultipartHttpServletRequestBuilder form() {
        return (MockMultipartHttpServletRequestBuilder) multipart("/heroics")
                .param("happenedOn", "2026-01-15").param("what", "Two snow tires seen by all");
    }

    private String page(String path, SignedInAssociate who) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private int heroicsBy(SignedInAssociate who) {
        return jdbc.sql("select count(*) from heroic where reported_by = ?").param(who.id()).query(Integer.class)
                .single();
    }

    private static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
