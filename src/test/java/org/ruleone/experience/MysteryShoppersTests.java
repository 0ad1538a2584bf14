package org.ruleone.experience;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
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
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Mystery shoppers on their screens: added, linked to a best client's record, edited and deactivated by a manager of
 * their store or the owner, never seen from another store (issue 12, item 2).
 */
@IntegrationTest
class MysteryShoppersTests {

    @Autowired MockMvc mvc;
    @Autowired ServiceFixtures fixtures;
    @Autowired TestPeople people;
    @Autowired MysteryShoppers shoppers;
    @Autowired ClientBook book;
    @Autowired JdbcClient jdbc;

    long storeA;
    long storeB;
    SignedInAssociate managerA;
    SignedInAssociate managerB;

    @BeforeEach
    void stores() {
        storeA = fixtures.store("Shoppers A", "PL", ZoneId.of("Europe/Warsaw"));
        storeB = fixtures.store("Shoppers B", "FR", ZoneId.of("Europe/Paris"));
        managerA = fixtures.person(Role.MANAGER, storeA, Language.EN);
        managerB = fixtures.person(Role.MANAGER, storeB, Language.EN);
    }

    MockHttpServletRequestBuilder addForm(SignedInAssociate who) {
        return post("/experience/mystery/shoppers").with(user(who)).with(csrf());
    }

    long shopperCount() {
        return jdbc.sql("select count(*) from mystery_shopper").query(Long.class).single();
    }

    long client(long store, String first, String last, Language language) {
        return book.findOrAdd(store, ClientBook.Contact.email(first.toLowerCase() + "-" + UUID.randomUUID()
                + "@example.com"), first, last, language).clientId();
    }

    @Test
    void addsAFriendPaidInTheStoresCurrencyByDefault() throws Exception {
        mvc.perform(get("/experience/mystery/shoppers/new").with(user(managerA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"rewardCurrency\" value=\"PLN\"")));

        String location = mvc.perform(addForm(managerA).param("kind", "FRIEND").param("name", "Ola Friend")
                        .param("email", "ola@example.com").param("language", "pl").param("rewardKind", "MONEY")
                        .param("rewardAmount", "20,50").param("rewardCurrency", ""))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        MysteryShopper ola = shoppers.find(id, Optional.of(storeA)).orElseThrow();
        assertThat(ola.storeId()).isEqualTo(storeA);
        assertThat(ola.kind()).isEqualTo(MysteryShopperKind.FRIEND);
        assertThat(ola.language()).isEqualTo(Language.PL);
        assertThat(ola.reward()).isEqualTo(MysteryReward.money(new BigDecimal("20.50"), "PLN"));

        mvc.perform(get(location).with(user(managerA)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Ola Friend"), containsString("ola@example.com"),
                        containsString("PLN"), containsString("20.50"), containsString("No visit yet."))));
        mvc.perform(get("/experience/mystery/shoppers").with(user(managerA)))
                .andExpect(content().string(containsString("Ola Friend")));
    }

    @Test
    void linksABestClientToTheirRecordFillingInTheirDetails() throws Exception {
        long zofia = client(storeA, "Zofia", "Nowak", Language.FR);
        String zofiaEmail = book.client(zofia, Optional.of(storeA)).orElseThrow().email();

        mvc.perform(get("/experience/mystery/shoppers/new").with(user(managerA)).param("clientQuery", "Zofia")
                        .param("storeId", String.valueOf(storeA)).param("name", "typed"))
                .andExpect(content().string(allOf(containsString("name=\"pick\" value=\"" + zofia + "\""),
                        containsString("Zofia Nowak"))));
        mvc.perform(get("/experience/mystery/shoppers/new").with(user(managerA)).param("pick", String.valueOf(zofia))
                        .param("storeId", String.valueOf(storeA)).param("name", "typed"))
                .andExpect(content().string(allOf(containsString("value=\"Zofia Nowak\""),
                        containsString("value=\"" + zofiaEmail + "\""),
                        containsString("Linked to the client record of Zofia Nowak"))));

        mvc.perform(addForm(managerA).param("kind", "BEST_CLIENT").param("customerId", String.valueOf(zofia))
                        .param("rewardKind", "GIFT").param("rewardGift", "A scarf of her choice"))
                .andExpect(status().is3xxRedirection());
        MysteryShopper shopper = shoppers.list(Optional.of(storeA)).stream()
                .filter(s -> zofia == (s.customerId() == null ? -1 : s.customerId())).findFirst().orElseThrow();
        assertThat(shopper.name()).isEqualTo("Zofia Nowak");
        assertThat(shopper.email()).isEqualTo(zofiaEmail);
        assertThat(shopper.language()).isEqualTo(Language.FR);
        assertThat(shopper.reward().kind()).isEqualTo(MysteryReward.Kind.GIFT);
        assertThat(shopper.reward().amount()).isNull();
        assertThat(shopper.reward().gift()).isEqualTo("A scarf of her choice");
        mvc.perform(get("/experience/mystery/shoppers/" + shopper.id()).with(user(managerA)))
                .andExpect(content().string(allOf(containsString("/clients/" + zofia),
                        containsString("A scarf of her choice"), containsString("Best client"))));
    }

    @Test
    void refusesABestClientOfAnotherStoreAndBadInputKeepingWhatWasTyped() throws Exception {
        long other = client(storeB, "Pierre", "Martin", Language.FR);
        long before = shopperCount();

        mvc.perform(get("/experience/mystery/shoppers/new").with(user(managerA)).param("pick", String.valueOf(other))
                        .param("storeId", String.valueOf(storeA)).param("name", "typed"))
                .andExpect(content().string(not(containsString("Pierre"))));
        mvc.perform(addForm(managerA).param("kind", "BEST_CLIENT").param("customerId", String.valueOf(other))
                        .param("name", "Pierre Martin").param("email", "pierre@example.com").param("language", "fr")
                        .param("rewardKind", "MONEY").param("rewardAmount", "10"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Pick the client from this store’s client book.")));
        mvc.perform(addForm(managerA).param("kind", "FRIEND").param("name", "Eve Injector")
                        .param("email", "eve@example.com\r\nBcc: everyone@example.com").param("language", "en")
                        .param("rewardKind", "MONEY").param("rewardAmount", "-5"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Write one e-mail address"),
                        containsString("Write an amount of 0 or more"), containsString("value=\"Eve Injector\""),
                        containsString("value=\"-5\""))));
        mvc.perform(addForm(managerA).param("kind", "FRIEND").param("name", "Gift Less").param("email", "g@example.com")
                        .param("language", "en").param("rewardKind", "GIFT").param("rewardAmount", "lots"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Describe the gift"),
                        containsString("Write an amount of 0 or more"))));
        // A manager's form naming another store is for their own store all the same.
        mvc.perform(addForm(managerB).param("storeId", String.valueOf(storeA)).param("kind", "BEST_CLIENT")
                        .param("customerId", String.valueOf(client(storeA, "Anna", "Lis", Language.PL)))
                        .param("rewardKind", "MONEY").param("rewardAmount", "10"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Pick the client from this store’s client book.")));
        assertThat(shopperCount()).isEqualTo(before);
    }

    @Test
    void aManagerSeesAndEditsTheirStoresShoppersOnly() throws Exception {
        long ofA = MysterySchedulingData.shopper(shoppers, storeA, "Alina Ankowska", Language.PL, BigDecimal.ONE,
                managerA.id());

        mvc.perform(get("/experience/mystery/shoppers").with(user(managerB)))
                .andExpect(content().string(not(containsString("Alina Ankowska"))));
        for (String path : new String[] {"/experience/mystery/shoppers/" + ofA,
                "/experience/mystery/shoppers/" + ofA + "/edit"}) {
            mvc.perform(get(path).with(user(managerB))).andExpect(status().isNotFound());
        }
        for (String path : new String[] {"/edit", "/deactivate", "/reactivate"}) {
            mvc.perform(post("/experience/mystery/shoppers/" + ofA + path).with(user(managerB)).with(csrf())
                            .param("kind", "FRIEND").param("name", "Hijacked").param("email", "h@example.com")
                            .param("language", "en").param("rewardKind", "MONEY").param("rewardAmount", "1"))
                    .andExpect(status().isNotFound());
        }
        SignedInAssociate associate = fixtures.associate(storeA);
        mvc.perform(get("/experience/mystery/shoppers").with(user(associate))).andExpect(status().isForbidden());
        mvc.perform(get("/experience/mystery/shoppers/" + ofA).with(user(associate)))
                .andExpect(status().isForbidden());
        mvc.perform(addForm(associate).param("name", "Nope")).andExpect(status().isForbidden());
        assertThat(shoppers.find(ofA, Optional.empty()).orElseThrow().name()).isEqualTo("Alina Ankowska");

        mvc.perform(get("/experience/mystery/shoppers/" + ofA + "/edit").with(user(managerA)))
                .andExpect(content().string(containsString("value=\"Alina Ankowska\"")));
        mvc.perform(post("/experience/mystery/shoppers/" + ofA + "/edit").with(user(managerA)).with(csrf())
                        .param("kind", "PROFESSIONAL").param("name", "Alina Nowak").param("email", "alina@example.com")
                        .param("language", "en").param("rewardKind", "MONEY").param("rewardAmount", "35")
                        .param("rewardCurrency", "EUR"))
                .andExpect(status().is3xxRedirection());
        MysteryShopper edited = shoppers.find(ofA, Optional.of(storeA)).orElseThrow();
        assertThat(edited.name()).isEqualTo("Alina Nowak");
        assertThat(edited.kind()).isEqualTo(MysteryShopperKind.PROFESSIONAL);
        assertThat(edited.reward()).isEqualTo(MysteryReward.money(new BigDecimal("35.00"), "EUR"));

        mvc.perform(post("/experience/mystery/shoppers/" + ofA + "/deactivate").with(user(managerA)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(shoppers.find(ofA, Optional.empty()).orElseThrow().active()).isFalse();
        assertThat(shoppers.active(storeA)).extracting(MysteryShopper::id).doesNotContain(ofA);
        mvc.perform(get("/experience/mystery/shoppers").with(user(managerA)))
                .andExpect(content().string(allOf(containsString("Alina Nowak"), containsString("No longer active"))));
    }

    @Test
    void theOwnerPicksTheStoreAndSeesEveryStoresShoppers() throws Exception {
        SignedInAssociate owner = people.owner();
        mvc.perform(addForm(owner).param("storeId", String.valueOf(storeB)).param("kind", "PROFESSIONAL")
                        .param("name", "Paul Pro").param("email", "paul@example.com").param("language", "fr")
                        .param("rewardKind", "MONEY").param("rewardAmount", "60"))
                .andExpect(status().is3xxRedirection());
        MysteryShopper paul = shoppers.list(Optional.of(storeB)).stream()
                .filter(s -> s.name().equals("Paul Pro")).findFirst().orElseThrow();
        assertThat(paul.reward().currency()).isEqualTo("EUR");
        MysterySchedulingData.shopper(shoppers, storeA, "Ala Owner-Seen", Language.PL, BigDecimal.ONE, owner.id());
        mvc.perform(get("/experience/mystery/shoppers").with(user(owner)))
                .andExpect(content().string(allOf(containsString("Paul Pro"), containsString("Ala Owner-Seen"))));
        mvc.perform(get("/experience/mystery/shoppers").with(user(managerA)))
                .andExpect(content().string(allOf(not(containsString("Paul Pro")), containsString("Ala Owner-Seen"))));
    }
}
