package org.ruleone.demo;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ruleone.organization.AssociateDraft;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.recognition.Legend;
import org.ruleone.recognition.Legends;
import org.ruleone.service.ServiceFixtures;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The demo's heroics, seeded on the demo's people and cases as DemoData makes them. */
@IntegrationTest
class DemoRecognitionTests {

    @Autowired DemoRecognition demo;
    @Autowired ServiceFixtures fixtures;
    @Autowired Organization organization;
    @Autowired Legends legends;
    @Autowired MockMvc mvc;

    @Test
    void seedsHeroicsInBothStoresTiedToTheDemosCasesAndALegend() throws Exception {
        long flagship = fixtures.store();
        long second = fixtures.store();
        SignedInAssociate craig = person("Craig Tires", "craig", Role.ASSOCIATE, flagship, Language.EN);
        SignedInAssociate sally = person("Sally Boots", "sally", Role.MANAGER, flagship, Language.EN);
        SignedInAssociate marek = person("Marek Żółkiewski", "marek", Role.ASSOCIATE, second, Language.PL);
        person("Amélie Dubois", "amelie", Role.MANAGER, second, Language.FR);
        long mary = fixtures.client(flagship, "Mary", "Smith", Language.EN);
        long zaneta = fixtures.client(second, "Żaneta", "Żółkiewska", Language.PL);
        Map<String, Long> caseIds = Map.of(
                "tires", fixtures.openCase(craig, flagship, mary, "Refund for winter tires", "Four tires"),
                "boots", fixtures.openCase(sally, flagship, mary, "Heel broke on my new boots", "Heel"),
                "diamond", fixtures.openCase(marek, second, zaneta, "Zgubiony kolczyk z diamentem", "Kolczyk"),
                "size", fixtures.openCase(marek, second, zaneta, "Czy są te czółenka w rozmiarze 38?", "38"));

        demo.heroics(caseIds);

        String flagshipFeed = mvc.perform(get("/heroics").with(user(craig))).andReturn().getResponse()
                .getContentAsString();
        assertThat(flagshipFeed).contains("four winter tires", "Mary&#39;s heel came off", "Saturday rush",
                "Refund for winter tires", "Thank you · 2");
        String secondFeed = mvc.perform(get("/heroics").with(user(marek))).andReturn().getResponse()
                .getContentAsString();
        assertThat(secondFeed).contains("Żaneta a perdu un diamant", "Klientka pytała o czółenka", "Saturday rush")
                .doesNotContain("four winter tires");
        assertThat(legends.library(Language.PL, "winter tires")).extracting(Legend::title)
                .containsExactly("Craig's winter tires");
    }

    private SignedInAssociate person(String name, String handle, Role role, long store, Language language) {
        String email = handle + "@demo.example";
        if (organization.signInDetails(email).isEmpty()) {
            organization.createAssociate(new AssociateDraft(name, email, role, store, null, language),
                    ServiceFixtures.PASSWORD);
        }
        return organization.signInDetails(email).orElseThrow();
    }

}
