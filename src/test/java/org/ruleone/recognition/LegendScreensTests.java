package org.ruleone.recognition;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.ServiceFixtures;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The legend library through its screens: marking a heroic, writing one, reading, searching and printing. */
@IntegrationTest
@RecordApplicationEvents
class LegendScreensTests {

    @Autowired MockMvc mvc;
    @Autowired ServiceFixtures fixtures;
    @Autowired TestPeople people;
    @Autowired Heroics heroics;
    @Autowired ApplicationEvents events;

    long store;
    SignedInAssociate hero;
    SignedInAssociate manager;
    long heroic;

    @BeforeEach
    void setUp() {
        store = fixtures.store();
        hero = fixtures.named("Hugo Hero", Role.ASSOCIATE, store, Language.EN);
        manager = fixtures.named("Maja Manager", Role.MANAGER, store, Language.PL);
        SignedInAssociate reporter = fixtures.named("Rob Reporter", Role.ASSOCIATE, store, Language.EN);
        heroic = heroics.report(reporter.id(), new HeroicDraft(List.of(hero.id()), LocalDate.of(2026, 2, 1), null,
                null, "Drove the boots to her door in the rain.", null));
    }

    @Test
    void marksAHeroicAsALegendThatShowsInTheLibraryInEveryLanguage() throws Exception {
        String location = mvc.perform(post("/heroics/" + heroic + "/legend").with(user(manager)).with(csrf())
                        .param("title", "Buty w deszczu").param("lesson", "Najpierw klient.").param("language", "pl"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long legend = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        assertThat(events.stream(LegendMarked.class)).singleElement().satisfies(e -> {
            assertThat(e.legendId()).isEqualTo(legend);
            assertThat(e.heroicId()).isEqualTo(heroic);
            assertThat(e.language()).isEqualTo(Language.PL);
        });
        for (Locale locale : List.of(Locale.FRENCH, Locale.of("pl"), Locale.ENGLISH)) {
            assertThat(page("/legends", locale)).contains("Buty w deszczu", "Najpierw klient.");
        }
        assertThat(page("/legends", Locale.FRENCH)).contains("Les pneus neige", "Légendes");
        assertThat(page("/legends", Locale.of("pl"))).contains("Opony zimowe", "Przemoczone kozaki");
        assertThat(page("/heroics/" + heroic, Locale.ENGLISH)).contains("/legends/" + legend);
    }

    @Test
    void letsOnlyAManagerOfAHerosStoreOrTheOwnerMarkALegend() throws Exception {
        SignedInAssociate otherManager = fixtures.named("Other Manager", Role.MANAGER, fixtures.store(), Language.EN);
        for (SignedInAssociate refused : List.of(hero, otherManager)) {
            mvc.perform(post("/heroics/" + heroic + "/legend").with(user(refused)).with(csrf()).param("title", "T"))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post("/heroics/" + heroic + "/legend").with(user(people.owner())).with(csrf())
                .param("title", "The boots, again")).andExpect(status().is3xxRedirection());
        assertThat(events.stream(LegendMarked.class)).hasSize(1);
    }

    @Test
    void printsALegendAsAPdfWithItsTitle() throws Exception {
        long legend = mvc.perform(post("/heroics/" + heroic + "/legend").with(user(manager)).with(csrf())
                        .param("title", "Żółte kalosze").param("language", "pl"))
                .andReturn().getResponse().getRedirectedUrl().chars().filter(Character::isDigit)
                .mapToObj(c -> String.valueOf((char) c)).reduce("", String::concat).transform(Long::parseLong);

        byte[] pdf = mvc.perform(get("/legends/" + legend + ".pdf").with(user(hero)))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(text(pdf)).contains("Żółte kalosze", "Drove the boots to her door in the rain.");
        SignedInAssociate french = fixtures.named("Français", Role.ASSOCIATE, store, Language.FR);
        assertThat(text(mvc.perform(get("/legends.pdf").with(user(french)).locale(Locale.FRENCH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()))
                .contains("Les pneus neige", "Le smoking déchiré", "Żółte kalosze");
    }

    @Test
    void findsLegendsByTitleStoryOrLessonAndEscapesTheirHtml() throws Exception {
        mvc.perform(post("/legends").with(user(people.owner())).with(csrf()).param("title", "The <b>umbrella</b>")
                        .param("story", "<script>alert(1)</script> She lent her umbrella to a stranger.")
                        .param("lesson", "Share what you have.").param("language", "en"))
                .andExpect(status().is3xxRedirection());

        String found = page("/legends?q=UMBRELLA", Locale.ENGLISH);
        assertThat(found).contains("The &lt;b&gt;umbrella&lt;/b&gt;").doesNotContain("<b>umbrella</b>")
                .doesNotContain("The snow tires");
        assertThat(page("/legends?q=vacuum", Locale.ENGLISH)).contains("The diamond in the vacuum bag")
                .doesNotContain("umbrella");
        assertThat(page("/legends?q=" + "proposez", Locale.FRENCH)).contains("La puce que personne");
        String legend = page(found.replaceAll("(?s).*href=\"(/legends/\\d+)\".*", "$1"), Locale.ENGLISH);
        assertThat(legend).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    @Test
    void letsOnlyTheOwnerWriteALegend() throws Exception {
        mvc.perform(get("/legends/new").with(user(manager))).andExpect(status().isForbidden());
        mvc.perform(post("/legends").with(user(manager)).with(csrf()).param("title", "Mine").param("story", "S"))
                .andExpect(status().isForbidden());
    }

    /** The page as a reader whose language is this one (a signed-in person reads in their own language). */
    private String page(String path, Locale locale) throws Exception {
        SignedInAssociate reader = fixtures.named("Reader", Role.ASSOCIATE, store, Language.of(locale));
        return mvc.perform(get(path).with(user(reader)).locale(locale)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
