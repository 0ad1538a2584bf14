package org.ruleone.campaigns;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.clienteling.BookFixtures;
import org.ruleone.clienteling.Segment;
import org.ruleone.clienteling.SegmentRefresh;
import org.ruleone.clienteling.Segments;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.ConsentChannel;
import org.ruleone.customers.ConsentMethod;
import org.ruleone.customers.Consents;
import org.ruleone.customers.PostalAddress;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreDraft;
import org.ruleone.paper.LetterFormat;
import org.ruleone.paper.PdfText;
import org.ruleone.paper.Size;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
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

/** Campaign audiences by client segment, and a campaign printed as letters for clients who agreed to post. */
@IntegrationTest
@AutoConfigureMockMvc
@Import(BookFixtures.class)
class CampaignLettersTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired BookFixtures fixtures;
    @Autowired Organization organization;
    @Autowired ClientBook book;
    @Autowired Consents consents;
    @Autowired Segments segments;
    @Autowired Campaigns campaigns;
    @Autowired CampaignSender sender;
    @Autowired CampaignLetters letters;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    long store;
    SignedInAssociate manager;
    SignedInAssociate anna;
    SignedInAssociate bruno;

    @BeforeEach
    void aParisStoreWithTwoAssociates() {
        fixtures.store(); // makes sure the chain has an owner
        store = organization.createStore(new StoreDraft("Maison " + UUID.randomUUID().toString().substring(0, 8),
                "12 rue de la Paix, 75002 Paris", "FR", PARIS, Language.FR, List.of()));
        manager = fixtures.person(Role.MANAGER, store);
        anna = fixtures.person(Role.ASSOCIATE, store);
        bruno = fixtures.person(Role.ASSOCIATE, store);
    }

    @Test
    void aCampaignForAtRiskClientsReachesOnlyThemAndOnlyThoseWithEmailConsent() throws Exception {
        long champion = client("Chloé", "Champion", "chloe@example.fr", PostalAddress.NONE, Language.FR, anna);
        fixtures.visits(store, champion, 6, "3000", 400, 5);
        long loyal = client("Louis", "Loyal", "louis@example.fr", PostalAddress.NONE, Language.FR, anna);
        fixtures.visits(store, loyal, 5, "500", 500, 100);
        long promising = client("Paula", "Promising", "paula@example.fr", PostalAddress.NONE, Language.FR, anna);
        fixtures.visits(store, promising, 1, "100", 60, 60);
        long atRisk = client("Agata", "Ryzyko", "agata@example.pl", PostalAddress.NONE, Language.PL, anna);
        fixtures.visits(store, atRisk, 4, "2000", 700, 250);
        long atRiskNoConsent = client("Armand", "Silence", "armand@example.fr", PostalAddress.NONE, Language.FR, bruno);
        fixtures.visits(store, atRiskNoConsent, 4, "1900", 700, 250);
        long lapsed = client("Lena", "Lapsed", "lena@example.com", PostalAddress.NONE, Language.EN, bruno);
        fixtures.visits(store, lapsed, 3, "900", 900, 500);
        for (long c : List.of(champion, loyal, promising, atRisk, lapsed)) {
            consents.record(c, ConsentChannel.EMAIL, true, ConsentMethod.IN_STORE, anna.id());
        }
        segments.refresh(SegmentRefresh.Reason.ON_DEMAND);
        assertThat(segments.of(atRisk).orElseThrow().segment()).isEqualTo(Segment.AT_RISK);
        assertThat(segments.of(atRiskNoConsent).orElseThrow().segment()).isEqualTo(Segment.AT_RISK);
        assertThat(segments.of(lapsed).orElseThrow().segment()).isEqualTo(Segment.LAPSED);

        // The form offers the book's segments by name and the live count follows the ticked one.
        mvc.perform(get("/campaigns/new").with(user(manager)))
                .andExpect(content().string(allOf(containsString("value=\"AT_RISK\""), containsString("At risk"),
                        containsString("Champions"), containsString("Lapsed"))));
        mvc.perform(post("/campaigns/audience").with(user(manager)).with(csrf())
                        .param("storeId", String.valueOf(store)).param("segments", "AT_RISK"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<strong>1</strong>"),
                        containsString("1 never agreed to e-mails"))));

        String location = mvc.perform(post("/campaigns").with(user(manager)).with(csrf())
                        .param("kind", "EVENT").param("storeId", String.valueOf(store))
                        .param("titleEn", "We miss you").param("titleFr", "Vous nous manquez")
                        .param("titlePl", "Tęsknimy").param("startsAt", "2026-07-02T18:30")
                        .param("followDays", "30").param("segments", "AT_RISK"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Campaign c = campaigns.find(id).orElseThrow();
        assertThat(c.audience().segments()).containsExactly(Segment.AT_RISK);
        AudienceCount count = campaigns.count(c);
        assertThat(count.in()).isEqualTo(1);
        assertThat(count.leftOut(LeftOutReason.NO_CONSENT)).isEqualTo(1);
        mvc.perform(get("/campaigns/{id}", id).with(user(manager)))
                .andExpect(content().string(containsString("At risk")));

        assertThat(sender.send(id, manager)).isEqualTo(1);
        assertThat(jdbc.sql("select customer_id from campaign_recipient where campaign_id = :c").param("c", id)
                .query(Long.class).list()).containsExactly(atRisk);
    }

    @Test
    void lettersGoOnePagePerClientWithPostalConsentAddressedInTheWindowAndSignedByTheirOwnAssociate()
            throws Exception {
        long elise = client("Élise", "Lefèvre", "elise@example.fr",
                new PostalAddress("3 allée des Érables", "", "69003", "Lyon", "", "France"), Language.FR, anna);
        long zofia = client("Zofia", "Żak", "",
                new PostalAddress("ul. Świętokrzyska 12", "m. 4", "90-001", "Łódź", "", "Polska"), Language.PL, bruno);
        long paul = client("Paul", "Postless", "paul@example.com",
                new PostalAddress("1 Baker Street", "", "NW1 6XE", "London", "", "United Kingdom"), Language.EN, anna);
        long olga = client("Olga", "Nowhere", "", PostalAddress.NONE, Language.PL, bruno);
        long withdrew = client("Wanda", "Withdrew", "",
                new PostalAddress("5 rue Nationale", "", "59000", "Lille", "", "FR"), Language.FR, anna);
        for (long c : List.of(elise, zofia, olga, withdrew)) {
            consents.record(c, ConsentChannel.POST, true, ConsentMethod.IN_STORE, anna.id());
        }
        consents.record(withdrew, ConsentChannel.POST, false, ConsentMethod.IN_STORE, anna.id());
        consents.record(paul, ConsentChannel.EMAIL, true, ConsentMethod.IN_STORE, anna.id());
        Campaign c = campaign();

        LetterAudience audience = letters.audience(c);
        assertThat(audience.recipients()).extracting(LetterRecipient::customerId).containsExactly(elise, zofia);
        assertThat(audience.noConsent()).isEqualTo(2);
        assertThat(audience.noAddress()).isEqualTo(1);
        mvc.perform(get("/campaigns/{id}", c.id()).with(user(manager)).locale(java.util.Locale.ENGLISH))
                .andExpect(content().string(allOf(containsString("Download letters (PDF)"),
                        containsString("2 left out: no postal consent in force"),
                        containsString("1 left out: no postal address (street and town)"))));

        byte[] bytes = mvc.perform(get("/campaigns/{id}/letters.pdf", c.id()).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        PdfText pdf = new PdfText(bytes);

        assertThat(pdf.pageSizes).as("one A4 page per client").hasSize(2);
        assertThat(pdf.pageSizes.get(0)[0]).isCloseTo(Size.mm(210), within(0.01f));
        assertThat(pdf.pageSizes.get(0)[1]).isCloseTo(Size.mm(297), within(0.01f));
        var window = LetterFormat.A4_DL_RIGHT_WINDOW.window();
        for (String line : List.of("Élise Lefèvre", "3 allée des Érables", "69003 LYON")) {
            PdfText.Run run = pdf.only(line);
            assertThat(run.page()).isEqualTo(1);
            assertThat(run.inside(window)).as(line + " at " + run).isTrue();
        }
        for (String line : List.of("Zofia Żak", "ul. Świętokrzyska 12", "m. 4", "90-001 Łódź", "POLOGNE")) {
            PdfText.Run run = pdf.only(line);
            assertThat(run.page()).isEqualTo(2);
            assertThat(run.inside(window)).as(line + " at " + run).isTrue();
        }
        assertThat(pdf.only("Bonjour Élise,").page()).isEqualTo(1);
        assertThat(pdf.only("Dzień dobry, Zofia,").page()).isEqualTo(2);
        assertThat(pdf.only("Soirée chaussures").page()).isEqualTo(1);
        assertThat(pdf.only("Wieczór z butami").page()).isEqualTo(2);
        assertThat(pdf.only(anna.name()).page()).as("Élise's letter is signed by Anna, who keeps her book").isEqualTo(1);
        assertThat(pdf.only(bruno.name()).page()).isEqualTo(2);
        assertThat(pdf.all).contains("Les nouveaux mocassins sont arrivés", "Nowe mokasyny już są",
                "Où : 12 rue de la Paix", "Gdzie: 12 rue de la Paix", "75002 Paris", "15 juin 2026", "15 czerwca 2026")
                .doesNotContain("Paul", "Postless", "Olga", "Wanda");
    }

    @Test
    void anotherStoresCampaignLettersAreNotFound() throws Exception {
        Campaign c = campaign();
        long elsewhere = fixtures.store();
        SignedInAssociate stranger = fixtures.person(Role.ASSOCIATE, elsewhere);
        mvc.perform(get("/campaigns/{id}/letters.pdf", c.id()).with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/campaigns/{id}", c.id()).with(user(manager)).locale(java.util.Locale.ENGLISH))
                .andExpect(content().string(not(containsString("letters.pdf"))));
    }

    private Campaign campaign() {
        Map<Language, String> titles = new EnumMap<>(Language.class);
        titles.put(Language.EN, "Shoe evening");
        titles.put(Language.FR, "Soirée chaussures");
        titles.put(Language.PL, "Wieczór z butami");
        Map<Language, String> bodies = new EnumMap<>(Language.class);
        bodies.put(Language.EN, "The new loafers have arrived; come and try them with a glass of champagne.");
        bodies.put(Language.FR, "Les nouveaux mocassins sont arrivés ; venez les essayer autour d’une coupe.");
        bodies.put(Language.PL, "Nowe mokasyny już są; zapraszamy na przymiarki przy lampce szampana.");
        var start = LocalDateTime.of(2026, 7, 2, 18, 30).atZone(PARIS).toInstant();
        long id = campaigns.create(new CampaignDraft(CampaignKind.EVENT, store, titles, bodies, "12 rue de la Paix",
                start, start.plusSeconds(3 * 3600), AudienceFilter.everyone(store), 30), manager);
        return campaigns.find(id).orElseThrow();
    }

    private long client(String first, String last, String email, PostalAddress address, Language language,
                        SignedInAssociate keeper) {
        return book.add(new ClientDraft(store, "T" + UUID.randomUUID(), first, last, email.isEmpty() ? null : email,
                null, address, language, "", List.of(), List.of(), "", keeper.id()));
    }
}
