package org.ruleone.experience;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.experience.internal.MysteryLinks;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.standards.StandardsTestSupport;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.MutableClock;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The page a mystery shopper fills in through their personal link, without signing in (issue 12, item 3). */
@IntegrationTest
@Import(StandardsTestSupport.class)
class MysteryReportPageTests {

    static final Instant NOW = Instant.parse("2026-11-18T12:00:00Z");
    static final LocalDate FROM = LocalDate.parse("2026-11-16");
    static final LocalDate TO = LocalDate.parse("2026-11-20");
    static final Instant EXPIRES = Instant.parse("2026-11-27T23:00:00Z");
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired MysteryLinks links;
    @Autowired TestPeople people;
    @Autowired Organization organization;

    MysteryFixtures mystery;
    MysteryFixtures.Checklist list;
    MysteryFixtures.Visit visit;
    long store;
    SignedInAssociate manager;
    String address;

    @BeforeEach
    void aFrenchShopperWithAVisitToMake() {
        mystery = new MysteryFixtures(jdbc, links);
        SignedInAssociate owner = people.owner();
        store = StandardsTestSupport.storeClosedOnSunday(organization);
        manager = people.person(Role.MANAGER, store);
        list = mystery.checklist(owner.id());
        long shopper = mystery.shopper(store, "Claire Martin", "fr", "50", "PLN", owner.id());
        visit = mystery.visit(store, list, shopper, FROM, TO, EXPIRES, "OWN_STORE", "", manager.id());
        clock.set(NOW);
        address = "10.1.0." + ADDRESSES.incrementAndGet();
    }

    @Test
    void showsTheVisitInTheShoppersLanguageWithItsItemsByAnswerType() throws Exception {
        mvc.perform(get("/mystery/" + visit.token()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<html lang=\"fr\""),
                        containsString("Votre visite mystère"), containsString("En entrant"),
                        containsString("Accueilli dès l’entrée"), containsString("Calme et sans précipitation"),
                        containsString("name=\"answer-" + list.greeted() + "\" value=\"1\""),
                        containsString("name=\"answer-" + list.calm() + "\" value=\"5\""),
                        containsString("name=\"na-" + list.rings() + "\""), containsString("Objectif : au plus 2 rings"),
                        containsString("Ask for a size &lt;b&gt;not&lt;/b&gt; on the floor"),
                        containsString("name=\"_csrf\""), containsString("enctype=\"multipart/form-data\""),
                        containsString("value=\"submit\""))))
                // the bag item allows no N/A
                .andExpect(content().string(not(containsString("name=\"answer-" + list.bag() + "\" value=\"na\""))));
    }

    @Test
    void keepsADraftAsGivenAndShowsItBackOnTheNextVisit() throws Exception {
        mvc.perform(post(visit.token()).param("answer-" + list.greeted(), "0")
                        .param("comment-" + list.greeted(), "Personne à l’entrée").param("na-" + list.rings(), "on")
                        .param("action", "save"))
                .andExpect(redirectedUrl("/mystery/" + visit.token() + "?saved"));

        assertThat(mystery.answers(visit.id())).isEqualTo(2);
        assertThat(mystery.status(visit.id())).isEqualTo("SCHEDULED");
        mvc.perform(get("/mystery/" + visit.token()).param("saved", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Enregistré."),
                        containsString("name=\"answer-" + list.greeted() + "\" value=\"0\" checked"),
                        containsString("name=\"na-" + list.rings() + "\" value=\"on\" checked"),
                        containsString("Personne à l’entrée"))));
    }

    @Test
    void listsTheMissingItemsByNameOnSubmitAndKeepsWhatWasTyped() throws Exception {
        mvc.perform(post(visit.token()).param("answer-" + list.greeted(), "1")
                        .param("comment-" + list.greeted(), "Bonjour chaleureux")
                        .param("visitDate", "2026-11-17").param("visitTime", "15:30").param("action", "submit"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Ces points restent à renseigner"),
                        containsString("<li>Calme et sans précipitation</li>"), containsString("<li>Téléphone décroché</li>"),
                        not(containsString("<li>Accueilli dès l’entrée</li>")),
                        containsString("Bonjour chaleureux"), containsString("value=\"2026-11-17\""),
                        containsString("name=\"answer-" + list.greeted() + "\" value=\"1\" checked"))));

        assertThat(mystery.status(visit.id())).isEqualTo("SCHEDULED");
        assertThat(mystery.answers(visit.id())).isZero();
    }

    @Test
    void refusesAVisitTimeOutsideTheWindowOrInTheFuture() throws Exception {
        mvc.perform(post(visit.token()).param("visitDate", "2026-11-14").param("visitTime", "11:00"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("hors des dates prévues")));
        // the day before the window is fine
        mvc.perform(post(visit.token()).param("visitDate", "2026-11-15").param("visitTime", "11:00"))
                .andExpect(redirectedUrl("/mystery/" + visit.token() + "?saved"));
        // 12:00 UTC is 13:00 in Warsaw: 13:30 there is still to come
        mvc.perform(post(visit.token()).param("visitDate", "2026-11-18").param("visitTime", "13:30"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("L’heure de la visite est dans le futur.")));
        mvc.perform(post(visit.token()).param("visitDate", "2026-11-18").param("visitTime", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("les deux")));
    }

    @Test
    void refusesAnAnswerItsItemDoesNotAllowAndKeepsWhatWasTyped() throws Exception {
        mvc.perform(post(visit.token()).param("answer-" + list.rings(), "trois")
                        .param("answer-" + list.bag(), "na").param("comment-" + list.calm(), "Très calme"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("« Téléphone décroché » : saisissez un nombre"),
                        containsString("value=\"trois\""), containsString("Très calme"))));
        mvc.perform(post(visit.token()).param("answer-" + list.bag(), "na"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(
                        "« Sac tendu par-dessus le comptoir » : « sans objet » n’est pas possible")));
        assertThat(mystery.answers(visit.id())).isZero();
    }

    @Test
    void submitsACompleteReportThenShowsItReadOnlyAndStoresNothingMore() throws Exception {
        mvc.perform(complete(post(visit.token())).param("action", "submit"))
                .andExpect(redirectedUrl("/mystery/" + visit.token()));

        assertThat(mystery.status(visit.id())).isEqualTo("SUBMITTED");
        assertThat(jdbc.sql("select submitted_at from mystery_visit where id = :id").param("id", visit.id())
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(NOW);
        assertThat(jdbc.sql("select visited_at from mystery_visit where id = :id").param("id", visit.id())
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(Instant.parse("2026-11-17T14:30:00Z"));
        mvc.perform(get("/mystery/" + visit.token()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Merci, votre rapport a été envoyé"),
                        containsString("Sans objet"), containsString("4 / 5"), containsString("3 rings"),
                        not(containsString("name=\"answer-")))));

        mvc.perform(post(visit.token()).param("answer-" + list.greeted(), "1").param("action", "submit"))
                .andExpect(redirectedUrl("/mystery/" + visit.token()));
        assertThat(jdbc.sql("select value from mystery_answer where visit_id = :v and item_id = :i")
                .param("v", visit.id()).param("i", list.greeted()).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("0");
    }

    @Test
    void refusesTheLinkOfAShopperTheVisitWasTakenFrom() throws Exception {
        long other = mystery.shopper(store, "Piotr Nowak", "pl", "50", "PLN", manager.id());
        jdbc.sql("update mystery_visit set shopper_id = :s where id = :id").param("s", other).param("id", visit.id())
                .update();

        mvc.perform(get("/mystery/" + visit.token()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Cette visite a été confiée à quelqu’un d’autre")));
        mvc.perform(complete(post(visit.token())).param("action", "submit"))
                .andExpect(status().isForbidden());
        assertThat(mystery.answers(visit.id())).isZero();
        assertThat(mystery.status(visit.id())).isEqualTo("SCHEDULED");
    }

    @Test
    void refusesALinkOnceItHasExpired() throws Exception {
        clock.set(EXPIRES);

        mvc.perform(get("/mystery/" + visit.token()))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("Ce lien a expiré")));
        mvc.perform(complete(post(visit.token())).param("action", "submit"))
                .andExpect(status().isGone());
        assertThat(mystery.answers(visit.id())).isZero();
    }

    @Test
    void refusesAGarbledOrUnknownLink() throws Exception {
        mvc.perform(get("/mystery/" + visit.token().substring(1)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This link does not work")));
        mvc.perform(get("/mystery/" + "A".repeat(43))).andExpect(status().isNotFound());
        mvc.perform(post("A".repeat(43)).param("action", "submit")).andExpect(status().isNotFound());
    }

    @Test
    void saysACancelledVisitWasCancelled() throws Exception {
        jdbc.sql("update mystery_visit set status = 'CANCELLED' where id = :id").param("id", visit.id()).update();

        mvc.perform(get("/mystery/" + visit.token()))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("Cette visite a été annulée")));
        mvc.perform(complete(post(visit.token())).param("action", "submit")).andExpect(status().isGone());
        assertThat(mystery.answers(visit.id())).isZero();
    }

    @Test
    void refusesAPdfOrAnHtmlFileSentAsThePhotoAndKeepsTheRestOfTheForm() throws Exception {
        for (byte[] notAPhoto : new byte[][] {"%PDF-1.7\n1 0 obj <<>> endobj\n".getBytes(StandardCharsets.US_ASCII),
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)}) {
            mvc.perform(complete(post(visit.token()).file(new MockMultipartFile("receipt", "receipt.jpg",
                            "image/jpeg", notAPhoto))).param("action", "submit"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(allOf(containsString("Ce n’est pas une photo JPEG ou PNG."),
                            containsString("Rien à signaler &lt;b&gt;ici&lt;/b&gt;"),
                            containsString("name=\"answer-" + list.calm() + "\" value=\"4\" checked"))));
        }
        assertThat(mystery.answers(visit.id())).isZero();
        assertThat(mystery.status(visit.id())).isEqualTo("SCHEDULED");
        assertThat(receipts()).isZero();
    }

    @Test
    void refusesASixMegabytePhotoWithTheLimitNotAnError() throws Exception {
        byte[] big = Arrays.copyOf(png(), 6 * 1024 * 1024);

        mvc.perform(complete(post(visit.token()).file(new MockMultipartFile("receipt", "receipt.png", "image/png",
                        big))).param("action", "save"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("La photo dépasse 5 Mo."),
                        containsString("Rien à signaler"))));
        assertThat(receipts()).isZero();
    }

    @Test
    void keepsTheReceiptPhotoAndANewOneReplacesIt() throws Exception {
        mvc.perform(post(visit.token()).file(new MockMultipartFile("receipt", "r.png", "image/png", png())))
                .andExpect(redirectedUrl("/mystery/" + visit.token() + "?saved"));
        mvc.perform(get("/mystery/" + visit.token()))
                .andExpect(content().string(containsString("Une photo du ticket est gardée")));
        mvc.perform(post(visit.token()).file(new MockMultipartFile("receipt", "r.png", "text/plain", jpeg())))
                .andExpect(redirectedUrl("/mystery/" + visit.token() + "?saved"));

        assertThat(receipts()).isOne();
        assertThat(jdbc.sql("select content_type from mystery_receipt where visit_id = :v").param("v", visit.id())
                .query(String.class).single()).isEqualTo("image/jpeg");
    }

    @Test
    void needsWhatStoodOutForAVisitToAnotherBusiness() throws Exception {
        var hotel = mystery.visit(store, list, visit.shopperId(), FROM, TO, EXPIRES, "HOTEL", "Hôtel du Lac",
                manager.id());

        mvc.perform(get("/mystery/" + hotel.token()))
                .andExpect(content().string(allOf(containsString("Hôtel du Lac · hôtel"),
                        containsString("Obligatoire, 2"))));
        mvc.perform(complete(post(hotel.token())).param("stoodOut", " ").param("action", "submit"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Dites ce qui vous a marqué")));
        mvc.perform(complete(post(hotel.token())).param("stoodOut", "Le portier connaissait mon nom.")
                        .param("action", "submit"))
                .andExpect(redirectedUrl("/mystery/" + hotel.token()));
        assertThat(mystery.status(hotel.id())).isEqualTo("SUBMITTED");
    }

    @Test
    void limitsHowManyFormsOneAddressSends() throws Exception {
        for (int i = 0; i < 30; i++) {
            mvc.perform(post(visit.token())).andExpect(redirectedUrl("/mystery/" + visit.token() + "?saved"));
        }
        mvc.perform(post(visit.token()))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Too many tries")));
    }

    /** Every item answered: greeted no (critical), walked N/A, calm 4, rings 3 (target at most 2), bag yes. */
    MockMultipartHttpServletRequestBuilder complete(MockMultipartHttpServletRequestBuilder post) {
        post.param("answer-" + list.greeted(), "0").param("comment-" + list.greeted(), "Personne ne m’a salué")
                .param("answer-" + list.walked(), "na")
                .param("answer-" + list.calm(), "4").param("comment-" + list.calm(), "Rien à signaler <b>ici</b>")
                .param("answer-" + list.rings(), "3")
                .param("answer-" + list.bag(), "1")
                .param("visitDate", "2026-11-17").param("visitTime", "15:30");
        return post;
    }

    MockMultipartHttpServletRequestBuilder post(String token) {
        MockMultipartHttpServletRequestBuilder post = multipart("/mystery/" + token);
        post.with(csrf()).with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
        return post;
    }

    private int receipts() {
        return jdbc.sql("select count(*) from mystery_receipt where visit_id = :v").param("v", visit.id())
                .query(Integer.class).single();
    }

    static byte[] png() throws IOException {
        return image("png");
    }

    static byte[] jpeg() throws IOException {
        return image("jpg");
    }

    private static byte[] image(String format) throws IOException {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }
}
