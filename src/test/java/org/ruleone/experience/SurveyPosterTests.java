package org.ruleone.experience;


import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.paper.QrCodes;
import org.ruleone.standards.StandardsTestSupport;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The QR poster of a store's survey page (issue 11, item 2). */
@IntegrationTest
@Import(StandardsTestSupport.class)
class SurveyPosterTests {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired Organization organization;

    @Test
    void printsAPosterWhoseCodeAndTextLeadToTheStoresOwnSurveyPage() throws Exception {
        people.owner();
        long store = people.store("Poster " + System.nanoTime());
        SignedInAssociate manager = people.person(Role.MANAGER, store);

        byte[] pdf = mvc.perform(get("/experience/poster").param("store", "" + store).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();

        String scanned = QrCodes.scan(pdf);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(scanned).contains("/survey/store/s1.");
        assertThat(text.replaceAll("\\s", "")).contains(scanned);
        assertThat(text).contains("Jak minęła Twoja wizyta?"); // the store's language: Polish
        mvc.perform(get(scanned.substring(scanned.indexOf("/survey/store/"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(organization.store(store).orElseThrow().name())));
    }

    @Test
    void isForTheOwnerAndTheStoresManagerOnly() throws Exception {
        SignedInAssociate owner = people.owner();
        long store = people.store("Poster " + System.nanoTime());
        long other = people.store("Poster other " + System.nanoTime());

        mvc.perform(get("/experience/settings").param("store", "" + store).with(user(owner)))
                .andExpect(content().string(containsString("/experience/poster?store=" + store)));
        mvc.perform(get("/experience/poster").param("store", "" + store).with(user(owner)))
                .andExpect(status().isOk());
        mvc.perform(get("/experience/poster").param("store", "" + store)
                .with(user(people.person(Role.ASSOCIATE, store)))).andExpect(status().isNotFound());
        mvc.perform(get("/experience/poster").param("store", "" + store)
                .with(user(people.person(Role.MANAGER, other)))).andExpect(status().isNotFound());
        mvc.perform(get("/experience/poster").param("store", "" + store)).andExpect(status().is3xxRedirection());
    }
}
