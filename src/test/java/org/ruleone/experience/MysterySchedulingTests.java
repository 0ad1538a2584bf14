package org.ruleone.experience;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.experience.MysterySchedulingData.Mail;
import org.ruleone.experience.internal.MysteryLinks;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.ServiceFixtures;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.ruleone.experience.MysterySchedulingData.checklist;
import static org.ruleone.experience.MysterySchedulingData.mails;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A manager schedules a mystery visit, gives it to another shopper, cancels it or mails its link again, on the
 * screens and through {@link MysteryScheduling}, and never for a store not theirs (issue 12, items 2 and 3).
 */
@IntegrationTest
class MysterySchedulingTests {

    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    @Autowired MockMvc mvc;
    @Autowired ServiceFixtures fixtures;
    @Autowired TestPeople people;
    @Autowired MysteryShoppers shoppers;
    @Autowired MysteryScheduling scheduling;
    @Autowired MysteryVisits visits;
    @Autowired MysteryLinks links;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    long storeA;
    long storeB;
    SignedInAssociate managerA;
    SignedInAssociate managerB;
    long checklist;
    long amelie;
    long adam;
    long bogdan;
    LocalDate today;

    @BeforeEach
    void storesShoppersAndAChecklist() {
        storeA = fixtures.store("Mystery A", "PL", WARSAW);
        storeB = fixtures.store("Mystery B", "FR", ZoneId.of("Europe/Paris"));
        managerA = fixtures.named("Marta Manager", Role.MANAGER, storeA, Language.EN);
        managerB = fixtures.person(Role.MANAGER, storeB, Language.EN);
        checklist = checklist(jdbc, "Welcome", false);
        amelie = MysterySchedulingData.shopper(shoppers, storeA, "Amélie Dubois", Language.FR, new BigDecimal("80"),
                managerA.id());
        adam = MysterySchedulingData.shopper(shoppers, storeA, "Adam Smith", Language.EN, new BigDecimal("50"),
                managerA.id());
        bogdan = MysterySchedulingData.shopper(shoppers, storeB, "Bogdan Nowak", Language.PL, BigDecimal.TEN,
                managerB.id());
        today = LocalDate.now(clock.withZone(WARSAW));
    }

    MockHttpServletRequestBuilder scheduleForm(SignedInAssociate who, long store, long shopper, long version,
                                               LocalDate from, LocalDate to, String scenario) {
        return post("/experience/mystery/visits").with(user(who)).with(csrf())
                .param("storeId", String.valueOf(store)).param("department", "Shoes")
                .param("targetKind", "OWN_STORE").param("businessName", "")
                .param("windowFrom", from.toString()).param("windowTo", to.toString()).param("scenario", scenario)
                .param("checklistVersionId", String.valueOf(version)).param("shopperId", String.valueOf(shopper));
    }

    long visitCount() {
        return jdbc.sql("select count(*) from mystery_visit").query(Long.class).single();
    }

    long scheduled(long store, long shopper) {
        return scheduling.schedule(new MysteryVisitDraft(store, "Shoes", "OWN_STORE", "", today, today.plusDays(6),
                "Ask for a size that is not on the floor.", checklist, shopper), Optional.empty(), managerA.id());
    }

    @Test
    void schedulesAVisitAndMailsTheShopperTheirLinkInTheirLanguage() throws Exception {
        mvc.perform(scheduleForm(managerA, storeA, amelie, checklist, today.plusDays(1), today.plusDays(5),
                        "Demandez une taille qui n’est pas en rayon."))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/experience/mystery/visits"))
                .andExpect(flash().attribute("notice", "experience.mystery.visit.scheduled"));

        MysteryVisit visit = scheduling.list(Optional.of(storeA), Optional.empty(), 10).getFirst();
        assertThat(visit.shopperId()).isEqualTo(amelie);
        assertThat(visit.status()).isEqualTo(MysteryVisitStatus.SCHEDULED);
        assertThat(visit.department()).isEqualTo("Shoes");
        assertThat(visit.checklistVersionId()).isEqualTo(checklist);
        assertThat(visit.scheduledBy()).isEqualTo(managerA.id());
        assertThat(visit.rewardKind()).isEqualTo("MONEY");
        assertThat(visit.rewardAmount()).isEqualByComparingTo("80");
        assertThat(visit.rewardCurrency()).as("the store's currency").isEqualTo("PLN");
        assertThat(visit.expiresAt()).as("the end of the window's last day in Warsaw, plus 7 days")
                .isEqualTo(today.plusDays(13).atStartOfDay(WARSAW).toInstant());

        List<Mail> sent = mails(jdbc, visit.id());
        assertThat(sent).hasSize(1);
        Mail mail = sent.getFirst();
        assertThat(mail.key()).isEqualTo("mystery-visit:" + visit.id() + ":scheduled:1");
        assertThat(mail.to()).isEqualTo(shoppers.find(amelie, Optional.empty()).orElseThrow().email());
        assertThat(mail.replyTo()).isEqualTo(managerA.email());
        assertThat(mail.subject()).startsWith(fixtures.storeName(storeA) + " vous propose une visite mystère");
        assertThat(mail.text()).contains("Bonjour Amélie Dubois,")
                .contains("en client mystère entre le " + frenchDate(today.plusDays(1)))
                .contains("Rayon : Shoes")
                .contains("Demandez une taille qui n’est pas en rayon.")
                .contains("Le lien est valable jusqu’au " + frenchDate(today.plusDays(13)))
                .containsPattern("http://localhost[:0-9]*/mystery/[A-Za-z0-9_-]{43}\n")
                .contains("80,00").contains("Marta Manager");
        assertThat(links.holderOf(mail.token())).contains(new MysteryLinks.Holder(visit.id(), amelie));
    }

    @Test
    void reassignsAVisitMailingTheNewShopperWhileTheOldLinkNoLongerNamesTheVisitsShopper() throws Exception {
        long id = scheduled(storeA, amelie);
        String oldToken = mails(jdbc, id).getFirst().token();
        mvc.perform(get("/experience/mystery/visits").with(user(managerA)))
                .andExpect(content().string(allOf(
                        containsString("action=\"/experience/mystery/visits/" + id + "/reassign\""),
                        containsString("<option value=\"" + adam + "\">Adam Smith</option>"),
                        not(containsString("<option value=\"" + amelie + "\">")))));

        mvc.perform(post("/experience/mystery/visits/" + id + "/reassign").with(user(managerA)).with(csrf())
                        .param("shopperId", String.valueOf(adam)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/experience/mystery/visits"))
                .andExpect(flash().attribute("notice", "experience.mystery.visit.reassigned"));

        MysteryVisit visit = visits.find(id).orElseThrow();
        assertThat(visit.shopperId()).isEqualTo(adam);
        assertThat(visit.status()).isEqualTo(MysteryVisitStatus.SCHEDULED);
        assertThat(visit.rewardAmount()).as("the new shopper's reward").isEqualByComparingTo("50");
        assertThat(links.holderOf(oldToken).orElseThrow().shopperId()).isNotEqualTo(visit.shopperId());

        List<Mail> sent = mails(jdbc, id);
        assertThat(sent).hasSize(2);
        Mail second = sent.get(1);
        assertThat(second.key()).isEqualTo("mystery-visit:" + id + ":reassigned:2");
        assertThat(second.to()).isEqualTo(shoppers.find(adam, Optional.empty()).orElseThrow().email());
        assertThat(second.text()).contains("Hello Adam Smith,").contains("Ask for a size that is not on the floor.");
        assertThat(links.holderOf(second.token())).contains(new MysteryLinks.Holder(id, adam));

        mvc.perform(post("/experience/mystery/visits/" + id + "/reassign").with(user(managerA)).with(csrf())
                        .param("from", "visit").param("shopperId", String.valueOf(bogdan)))
                .andExpect(redirectedUrl("/experience/mystery/visits/" + id))
                .andExpect(flash().attribute("problem", "experience.mystery.visit.error.shopper"));
        assertThat(visits.find(id).orElseThrow().shopperId()).as("not to another store's shopper").isEqualTo(adam);
    }

    @Test
    void cancelsAVisitAndThenRefusesToChangeItWithAClearMessage() throws Exception {
        long id = scheduled(storeA, amelie);

        mvc.perform(post("/experience/mystery/visits/" + id + "/cancel").with(user(managerA)).with(csrf()))
                .andExpect(flash().attribute("notice", "experience.mystery.visit.cancelled"));
        assertThat(visits.find(id).orElseThrow().status()).isEqualTo(MysteryVisitStatus.CANCELLED);

        jakarta.servlet.http.Cookie[] session = null;
        for (String action : List.of("reassign", "resend", "cancel")) {
            session = mvc.perform(post("/experience/mystery/visits/" + id + "/" + action).with(user(managerA))
                            .with(csrf()).param("shopperId", String.valueOf(adam)))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("problem", "experience.mystery.visit.error.status"))
                    .andReturn().getResponse().getCookies();
        }
        MysteryVisit visit = visits.find(id).orElseThrow();
        assertThat(visit.status()).isEqualTo(MysteryVisitStatus.CANCELLED);
        assertThat(visit.shopperId()).isEqualTo(amelie);
        assertThat(mails(jdbc, id)).as("nothing mailed after the first").hasSize(1);

        mvc.perform(get("/experience/mystery/visits").with(user(managerA)).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This visit can no longer be changed")));
    }

    @Test
    void resendsANewLinkToTheSameShopper() throws Exception {
        long id = scheduled(storeA, amelie);

        mvc.perform(post("/experience/mystery/visits/" + id + "/resend").with(user(managerA)).with(csrf()))
                .andExpect(flash().attribute("notice", "experience.mystery.visit.resent"));

        List<Mail> sent = mails(jdbc, id);
        assertThat(sent).extracting(Mail::key).containsExactly("mystery-visit:" + id + ":scheduled:1",
                "mystery-visit:" + id + ":resent:2");
        assertThat(sent.get(1).text()).contains("Voici de nouveau votre lien personnel.");
        assertThat(sent.get(1).token()).isNotEqualTo(sent.get(0).token());
        assertThat(links.holderOf(sent.get(1).token())).contains(new MysteryLinks.Holder(id, amelie));
    }

    @Test
    void keepsAManagerToTheirOwnStoresVisitsShoppersAndChecklists() throws Exception {
        long visitOfA = scheduled(storeA, amelie);
        long before = visitCount();

        mvc.perform(get("/experience/mystery/visits").with(user(managerB)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/experience/mystery/visits/" + visitOfA + "\""))))
                .andExpect(content().string(not(containsString("Amélie Dubois"))));
        mvc.perform(get("/experience/mystery/visits/new").with(user(managerB)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Bogdan Nowak"), not(containsString("Amélie Dubois")),
                        not(containsString("Adam Smith")))));
        for (String action : List.of("reassign", "resend", "cancel")) {
            mvc.perform(post("/experience/mystery/visits/" + visitOfA + "/" + action).with(user(managerB))
                            .with(csrf()).param("shopperId", String.valueOf(bogdan)))
                    .andExpect(status().isNotFound());
        }
        assertThat(visits.find(visitOfA).orElseThrow().shopperId()).isEqualTo(amelie);
        assertThat(visits.find(visitOfA).orElseThrow().status()).isEqualTo(MysteryVisitStatus.SCHEDULED);

        // Store A's shopper in the form body, and store A asked for: the manager's own store is used, and refused.
        mvc.perform(scheduleForm(managerB, storeA, amelie, checklist, today, today.plusDays(3), "Call the store."))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose an active shopper of this store.")));
        assertThat(visitCount()).isEqualTo(before);
        assertThatThrownBy(() -> scheduling.schedule(new MysteryVisitDraft(storeA, "", "OWN_STORE", "", today,
                today, "Call the store.", checklist, amelie), Optional.of(storeB), managerB.id()))
                .isInstanceOfSatisfying(MysteryRefused.class,
                        e -> assertThat(e.problems()).containsKey("storeId"));
        assertThat(visitCount()).isEqualTo(before);

        SignedInAssociate associate = fixtures.associate(storeA);
        mvc.perform(get("/experience/mystery/visits").with(user(associate))).andExpect(status().isForbidden());
        mvc.perform(get("/experience/mystery/visits/new").with(user(associate))).andExpect(status().isForbidden());
        mvc.perform(scheduleForm(associate, storeA, amelie, checklist, today, today, "Call the store."))
                .andExpect(status().isForbidden());
        mvc.perform(post("/experience/mystery/visits/" + visitOfA + "/cancel").with(user(associate)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(visitCount()).isEqualTo(before);
        assertThat(visits.find(visitOfA).orElseThrow().status()).isEqualTo(MysteryVisitStatus.SCHEDULED);
    }

    @Test
    void theOwnerSchedulesForAnyStoreAndSeesEveryStoresVisits() throws Exception {
        SignedInAssociate owner = people.owner();
        mvc.perform(scheduleForm(owner, storeB, bogdan, checklist, today, today.plusDays(2), "Zadzwoń do sklepu."))
                .andExpect(status().is3xxRedirection());
        long id = scheduling.list(Optional.of(storeB), Optional.empty(), 1).getFirst().id();
        assertThat(mails(jdbc, id).getFirst().subject()).contains("zaprasza na wizytę tajemniczego klienta");
        mvc.perform(get("/experience/mystery/visits").param("status", "SCHEDULED").with(user(owner)))
                .andExpect(content().string(allOf(containsString("/experience/mystery/visits/" + id + "\""),
                        containsString("Bogdan Nowak"), containsString(fixtures.storeName(storeB)))));
    }

    @Test
    void refusesBadInputWithMessagesKeepingWhatWasTypedAndStoringNothing() throws Exception {
        long archived = checklist(jdbc, "Old", true);
        long before = visitCount();
        record Case(long shopper, long version, LocalDate from, LocalDate to, String message) { }
        for (Case c : List.of(
                new Case(amelie, checklist, today.plusDays(5), today.plusDays(2),
                        "The window cannot end before it starts."),
                new Case(amelie, checklist, today.minusDays(9), today.minusDays(2),
                        "This window has already ended: choose dates from today on."),
                new Case(amelie, 987_654_321L, today, today.plusDays(2), "Choose a checklist in use."),
                new Case(amelie, archived, today, today.plusDays(2), "Choose a checklist in use."),
                new Case(bogdan, checklist, today, today.plusDays(2), "Choose an active shopper of this store."))) {
            mvc.perform(scheduleForm(managerA, storeA, c.shopper(), c.version(), c.from(), c.to(),
                            "Typed with care: ask for the blue scarf."))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString(c.message()),
                            containsString("Typed with care: ask for the blue scarf."),
                            containsString("value=\"" + c.from() + "\""))));
        }
        mvc.perform(post("/experience/mystery/visits").with(user(managerA)).with(csrf())
                        .param("targetKind", "HOTEL").param("businessName", " ").param("windowFrom", "tomorrow")
                        .param("scenario", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Write the name of the business"),
                        containsString("Write a date."), containsString("Tell the shopper what to do"),
                        containsString("value=\"tomorrow\""))));
        assertThat(visitCount()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from mail_outbox where dedupe_key like 'mystery-visit:%'")
                .query(Long.class).single()).isEqualTo(jdbc.sql("select count(*) from mystery_visit_token")
                .query(Long.class).single());
    }

    @Test
    void theScheduleFormSuggestsScenariosAndDepartmentsUsedBefore() throws Exception {
        scheduled(storeA, amelie);
        mvc.perform(get("/experience/mystery/visits/new").with(user(managerA))
                        .param("scenario", "Go on a Saturday.").param("suggest", "size")
                        .param("storeId", String.valueOf(storeA)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Go on a Saturday.\nAsk for a size that is not on the floor."),
                        containsString("<option value=\"Shoes\">"))));
    }

    @Test
    void sendsAVisitToAnotherBusinessNamingItInTheMail() {
        long id = scheduling.schedule(new MysteryVisitDraft(storeA, "", "HOTEL", "Hotel Bristol", today,
                today.plusDays(1), "Ask for a late check-out.", checklist, adam), Optional.of(storeA), managerA.id());
        MysteryVisit visit = visits.find(id).orElseThrow();
        assertThat(visit.targetKind()).isEqualTo("HOTEL");
        assertThat(visit.businessName()).isEqualTo("Hotel Bristol");
        assertThat(mails(jdbc, id).getFirst().text()).contains("to visit Hotel Bristol (Hotel) as a mystery shopper");
    }

    static String frenchDate(LocalDate day) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(java.util.Locale.FRENCH).format(day);
    }
}
