package org.ruleone.mailroom;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.campaigns.AudienceFilter;
import org.ruleone.campaigns.CampaignDraft;
import org.ruleone.campaigns.CampaignKind;
import org.ruleone.campaigns.Campaigns;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.ConsentChannel;
import org.ruleone.customers.ConsentMethod;
import org.ruleone.customers.Consents;
import org.ruleone.customers.PostalAddress;
import org.ruleone.mail.DeliveryTrouble;
import org.ruleone.mail.Outbox;
import org.ruleone.mailroom.internal.Mailboxes;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseDraft;
import org.ruleone.service.Channel;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The application of most tests has no SMTP server configured (no {@code spring.mail.host}): mail queued there never
 * goes out, and the screens must not say it did.
 */
@IntegrationTest
@AutoConfigureMockMvc
class MailWaitingScreensTests {

    /** "3 messages waiting — no mail server configured", whatever other tests left waiting. */
    static final String NO_SERVER = "(?s).*(\\d+ messages?|No message) waiting — no mail server configured.*";

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired Mailboxes mailboxes;
    @Autowired ClientBook book;
    @Autowired Consents consents;
    @Autowired CaseDesk desk;
    @Autowired Campaigns campaigns;
    @Autowired Outbox outbox;

    long store;
    SignedInAssociate manager;

    @BeforeEach
    void aStoreWithAMailAddress() {
        store = people.store("Mailless " + System.nanoTime());
        manager = people.person(Role.MANAGER, store);
        mailboxes.save(store, "shop-" + store + "@example.com", "", null, false, "", "");
    }

    @Test
    void theOutboxReportsThatNoServerIsConfigured() {
        assertThat(outbox.health().serverConfigured()).isFalse();
        assertThat(outbox.health().trouble()).isEqualTo(DeliveryTrouble.NO_SERVER);
        assertThat(outbox.health().flowing()).isFalse();
    }

    @Test
    void aReplyByMailSaysItWaitsInsteadOfReplySent() throws Exception {
        long client = book.add(new ClientDraft(store, null, "Wanda", "Waiting", "wanda-" + store + "@example.org",
                "", PostalAddress.NONE, Language.EN, "", List.of(), List.of(), "", null));
        long id = desk.open(new CaseDraft(store, client, manager.id(), Channel.EMAIL, "Boots", null, "Any news?"),
                Optional.of(store));

        mvc.perform(post("/cases/{id}/replies", id).param("body", "They arrive Friday.")
                        .with(user(manager)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeCount(0));
        mvc.perform(get("/cases/{id}", id).with(user(manager)))
                .andExpect(content().string(allOf(matchesPattern(NO_SERVER), not(containsString("Reply sent.")))));

        mvc.perform(post("/cases/{id}/replies", id).param("body", "Or Saturday.").header("HX-Request", "true")
                        .with(user(manager)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(matchesPattern(NO_SERVER), not(containsString("Reply sent.")))));
    }

    @Test
    void aReplyThatIsNotMailedStillSaysReplySent() throws Exception {
        long client = book.add(new ClientDraft(store, null, "Paul", "Phone", null, "+48 600 000 000",
                PostalAddress.NONE, Language.EN, "", List.of(), List.of(), "", null));
        long id = desk.open(new CaseDraft(store, client, manager.id(), Channel.PHONE, "Hours", null, "Open Sunday?"),
                Optional.of(store));
        mvc.perform(post("/cases/{id}/replies", id).param("body", "No, sorry.").header("HX-Request", "true")
                        .with(user(manager)).with(csrf()))
                .andExpect(content().string(allOf(containsString("Reply sent."),
                        not(containsString("no mail server configured")))));
    }

    @Test
    void aSentCampaignSaysItsMailWaitsInsteadOfOnItsWay() throws Exception {
        long client = book.add(new ClientDraft(store, null, "Carla", "Campaign", "carla-" + store + "@example.org",
                "", PostalAddress.NONE, Language.EN, "", List.of(), List.of(), "", null));
        consents.record(client, ConsentChannel.EMAIL, true, ConsentMethod.IN_STORE, manager.id());
        Map<Language, String> titles = new EnumMap<>(Language.class);
        Map<Language, String> bodies = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            titles.put(l, "Boot evening");
            bodies.put(l, "Come and try the new boots.");
        }
        Instant start = LocalDateTime.of(2026, 12, 20, 18, 0).atZone(ZoneId.of("Europe/Warsaw")).toInstant();
        long id = campaigns.create(new CampaignDraft(CampaignKind.EVENT, store, titles, bodies, "Here", start,
                start.plusSeconds(7200), AudienceFilter.everyone(store), 30), manager);

        mvc.perform(post("/campaigns/{id}/send", id).with(user(manager)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/campaigns/{id}", id).with(user(manager)).flashAttr("queued", 1))
                .andExpect(content().string(allOf(matchesPattern(NO_SERVER), containsString("not gone out yet"),
                        not(containsString("on their way")))));
        mvc.perform(get("/campaigns").with(user(manager)))
                .andExpect(content().string(allOf(matchesPattern(NO_SERVER), containsString("1 e-mail waiting"))));
    }

    @Test
    void theMailScreenSaysNoServerIsConfigured() throws Exception {
        mvc.perform(get("/mailroom").with(user(people.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(matchesPattern(NO_SERVER)));
    }
}
