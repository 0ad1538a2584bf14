package org.ruleone.journeys;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.microsoft.playwright.Page;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ruleone.campaigns.CampaignTestSupport;
import org.ruleone.customers.ClientBook;
import org.ruleone.experience.SurveyFixtures;
import org.ruleone.experience.internal.InvitationSender;
import org.ruleone.experience.internal.StoreSurveyLinks;
import org.ruleone.experience.internal.SurveyTokens;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreDraft;
import org.ruleone.service.Channel;
import org.ruleone.service.Resolution;
import org.ruleone.service.ServiceCase;
import org.ruleone.shared.Language;
import org.ruleone.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A client whose case was resolved gets the survey by mail 24 hours later, in Polish, answers it on a phone: "3" and
 * a comment; a follow-up case then waits for the associate who served her, with her comment quoted (issue 11).
 */
class ClientAnswersSurveyAndGetsAFollowUpJourney extends ServiceJourney {

    @Autowired Organization organization;
    @Autowired SurveyTokens tokens;
    @Autowired StoreSurveyLinks storeLinks;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ClientBook book;
    @Autowired InvitationSender sender;

    @Test
    void clientAnswersThreeWithACommentAndTheAssociateWhoServedGetsTheFollowUp() throws Exception {
        fixtures.store();
        String storeName = "Marszałkowska " + UUID.randomUUID().toString().substring(0, 8);
        long store = organization.createStore(new StoreDraft(storeName, "", "PL", ZoneId.of("Europe/Warsaw"),
                Language.PL, List.of()));
        SignedInAssociate marek = fixtures.named("Marek Nowak", Role.ASSOCIATE, store, Language.EN);
        String email = "zofia-" + UUID.randomUUID() + "@example.pl";
        long zofia = book.findOrAdd(store, ClientBook.Contact.email(email), "Zofia", "Wiśniewska", Language.PL)
                .clientId();
        long caseId = fixtures.openCase(marek, store, zofia, "Zepsuty zamek", "Zamek w kurtce się zepsuł.");
        desk.resolve(caseId, Optional.of(store), marek.id(), Resolution.refund(Money.of(new BigDecimal("80"), "PLN"), true),
                "Zwrot za zamek.");

        // The resolution schedules the survey for 24 hours later; the sender runs then (moved on by the hour past
        // the store's quiet hours, whenever the suite runs), and the mail reaches GreenMail through the outbox.
        long invitation = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "select id from survey_invitation where case_id = :case").param("case", caseId)
                .query(Long.class).optional(), Optional::isPresent).orElseThrow();
        SurveyFixtures surveys = new SurveyFixtures(jdbc, tokens);
        Instant due = jdbc.sql("select due_at from survey_invitation where id = :id").param("id", invitation)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(due).isCloseTo(clock.instant().plus(Duration.ofHours(24)), within(Duration.ofMinutes(5)));
        for (Instant at = due; !"SENT".equals(surveys.status(invitation)); at = at.plus(Duration.ofHours(1))) {
            assertThat(at).as("sent within a day of being due").isBefore(due.plus(Duration.ofDays(1)));
            sender.sendDue(at);
        }
        MimeMessage mail = receivedBy(email);
        assertThat(mail.getSubject()).startsWith("Krótkie pytanie od " + storeName);
        Matcher link = Pattern.compile("/survey/[A-Za-z0-9_-]{43}").matcher(CampaignTestSupport.text(mail));
        assertThat(link.find()).as("a survey link in the mail").isTrue();
        var sent = new SurveyFixtures.Sent(invitation, link.group().substring("/survey/".length()));
        String path = link.group();

        Page phone = phone();
        phone.navigate(url(path));
        assertThat(phone.locator("html")).hasAttribute("lang", "pl");
        assertThat(phone.locator("h1")).containsText("Twoja opinia o " + storeName);
        assertThat(phone.locator("#come-back legend"))
                .hasText("Jak bardzo prawdopodobne jest, że wrócisz do " + storeName + "?");
        assertThat(phone.locator("#satisfaction legend"))
                .hasText("Jak bardzo jesteś zadowolony z pomocy, którą otrzymałeś?");
        fitsThePhone(phone);
        assertAccessible(phone);
        screenshot(phone, "survey-phone");

        phone.locator("#come-back").getByLabel("3", new com.microsoft.playwright.Locator.GetByLabelOptions()
                .setExact(true)).check();
        // With JavaScript the answer is kept as soon as it is given: the survey is partial until sent.
        assertThat(phone.locator("#survey-status")).containsText("Zapisano.");
        assertThat(surveys.status(sent.invitationId())).isEqualTo("PARTIAL");
        phone.getByLabel("Czy chcesz nam coś powiedzieć?").fill("Czekałam tydzień na telefon w sprawie zamka.");
        phone.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Wyślij")).click();

        assertThat(phone.locator("h1")).hasText("Dziękujemy");
        assertAccessible(phone);
        assertThat(surveys.status(sent.invitationId())).isEqualTo("COMPLETED");

        long followUp = await().atMost(Duration.ofSeconds(20))
                .until(() -> surveys.answerOf(sent.invitationId()).map(SurveyFixtures.StoredAnswer::followUpCaseId),
                        Optional::isPresent).orElseThrow();
        ServiceCase stored = stored(followUp);
        assertThat(stored.customerId()).isEqualTo(zofia);
        assertThat(stored.channel()).isEqualTo(Channel.SURVEY);
        assertThat(stored.ownerId()).isEqualTo(marek.id());

        Page marekPhone = phone();
        signInAs(marekPhone, marek);
        openCasesFromMenu(marekPhone);
        assertThat(marekPhone.locator("main")).containsText("Niezadowolona odpowiedź w ankiecie: powrót 3/10");
        marekPhone.navigate(url("/cases/" + followUp));
        assertThat(marekPhone.locator("main")).containsText("„Czekałam tydzień na telefon w sprawie zamka.”");
        assertThat(marekPhone.locator("main")).containsText("Marek Nowak");
        fitsThePhone(marekPhone);
        screenshot(marekPhone, "survey-follow-up-phone");

        // The store's figures count the answer and quote its comment beside its follow-up.
        marekPhone.navigate(url("/experience"));
        assertThat(marekPhone.locator("main")).containsText("Czekałam tydzień na telefon w sprawie zamka.");
        assertThat(marekPhone.locator("#follow-ups-title + ul a[href$='/cases/" + followUp + "']")).isVisible();
        fitsThePhone(marekPhone);

        // The store's own page, from its QR poster: the same questions, an optional e-mail, in Polish.
        Page scanned = phone();
        scanned.navigate(url("/survey/store/" + storeLinks.token(store)));
        assertThat(scanned.locator("html")).hasAttribute("lang", "pl");
        assertThat(scanned.locator("#satisfaction legend")).hasText("Jak bardzo jesteś zadowolony z wizyty?");
        fitsThePhone(scanned);
        assertAccessible(scanned);
    }
}
