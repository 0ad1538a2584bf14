package org.ruleone.experience.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruleone.experience.SurveyImportStatus;
import org.ruleone.experience.SurveyImports;
import org.ruleone.organization.AssociateDraft;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.shared.Language;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The survey results import screens: upload, mapping with a preview, progress and summary; another store's ids. */
@IntegrationTest
class SurveyImportScreensTests {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired SurveyImports imports;
    @Autowired JdbcClient jdbc;
    @Autowired Organization organization;

    private static byte[] fixture(String name) throws Exception {
        return Files.readAllBytes(Path.of(SurveyImportScreensTests.class.getResource("/experience/" + name).toURI()));
    }

    private String upload(RequestPostProcessor me, String name) throws Exception {
        String mappingUrl = mvc.perform(multipart("/experience/imports/upload")
                        .file(new MockMultipartFile("file", name, "text/csv", fixture(name))).with(me).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(mappingUrl).startsWith("/experience/imports/new?upload=");
        return mappingUrl;
    }

    private static MockHttpServletRequestBuilder start(String upload, long storeId) {
        return post("/experience/imports").with(csrf()).param("upload", upload).param("fileName", "export.csv")
                .param("encoding", "WINDOWS_1252").param("delimiter", ";").param("storeId", Long.toString(storeId))
                .param("date", "0").param("dateFormat", "d.M.yyyy HH:mm").param("client", "1")
                .param("storeColumn", "-1").param("associate", "-1").param("invoice", "-1").param("score", "3")
                .param("scoreScale", "COME_BACK_0_10").param("satisfaction", "-1")
                .param("satisfactionScale", "SATISFACTION_1_5").param("comment", "4").param("externalId", "5");
    }

    @Test
    void managerUploadsMapsAndFollowsAnImportToItsSummaryWithTheBadRowsByLine() throws Exception {
        long store = people.store("Survey screens " + UUID.randomUUID());
        var me = user(people.person(Role.MANAGER, store));
        String mappingUrl = upload(me, "survey-windows-1252-bom.csv");

        mvc.perform(get(mappingUrl).with(me))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Très bien reçue – merci « Hélène » !")))
                .andExpect(content().string(containsString("value=\"d.M.yyyy HH:mm\"")))
                .andExpect(content().string(containsString("Read as Windows Western (windows-1252), columns separated by semicolons.")));
        String upload = mappingUrl.replaceAll(".*upload=([^&]+).*", "$1");
        mvc.perform(get(mappingUrl + "&encoding=ISO_8859_2").with(me))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Read as Central European ISO (ISO-8859-2)")))
                .andExpect(content().string(containsString("<option value=\"ISO_8859_2\" selected=\"selected\"")));

        String runUrl = mvc.perform(start(upload, store).with(me))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(runUrl.replaceAll(".*/", ""));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> imports.find(id).orElseThrow().status() == SurveyImportStatus.COMPLETED);

        mvc.perform(get(runUrl).header("HX-Request", "true").with(me))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-progress\"")))
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("Score not on the chosen scale")))
                .andExpect(content().string(containsString("Score: 11")));
        mvc.perform(get(runUrl).with(me))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Answers imported")))
                .andExpect(content().string(containsString("Not a date in this format")));
        mvc.perform(get("/experience/imports").with(me))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("export.csv")));
        // Four good rows without an associate column.
        assertThat(jdbc.sql("select count(*) from survey_answer where import_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void refusesAnotherStoreInEveryFieldAndUrl() throws Exception {
        long mine = people.store("Survey screens mine " + UUID.randomUUID());
        long theirs = people.store("Survey screens theirs " + UUID.randomUUID());
        SignedInAssociate manager = people.person(Role.MANAGER, mine);
        var me = user(manager);
        var them = user(people.person(Role.MANAGER, theirs));
        String upload = upload(me, "survey-windows-1252-bom.csv").replaceAll(".*upload=([^&]+).*", "$1");

        mvc.perform(start(upload, theirs).with(me))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose one of your stores.")));
        assertThat(imports.recent(java.util.Optional.of(theirs), 10)).isEmpty();

        mvc.perform(get("/experience/imports/new").param("upload", upload).with(them))
                .andExpect(status().isNotFound());
        mvc.perform(start(upload, theirs).with(them)).andExpect(status().isNotFound());

        String runUrl = mvc.perform(start(upload, mine).with(me))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(runUrl).with(them)).andExpect(status().isNotFound());
        mvc.perform(get("/experience/imports").with(them))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(runUrl))));
    }

    @Test
    void anAssociateMayNotImportSurveyResults() throws Exception {
        long store = people.store("Survey screens associate " + UUID.randomUUID());
        var associate = user(people.person(Role.ASSOCIATE, store));

        mvc.perform(get("/experience/imports").with(associate)).andExpect(status().isForbidden());
        mvc.perform(multipart("/experience/imports/upload")
                        .file(new MockMultipartFile("file", "a.csv", "text/csv", fixture("survey-stars.csv")))
                        .with(associate).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void managersFindTheImportFromThePurchasesImportPageInTheirLanguage() throws Exception {
        long store = people.store("Survey screens link " + UUID.randomUUID());
        String email = "pola-" + UUID.randomUUID() + "@example.com";
        organization.createAssociate(new AssociateDraft("Pola", email, Role.MANAGER, store, null, Language.PL),
                TestPeople.PASSWORD);
        var me = user(organization.signInDetails(email).orElseThrow());

        mvc.perform(get("/purchases/imports").with(me))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/experience/imports\"")))
                .andExpect(content().string(containsString("Wyniki ankiet lub opinie z innego narzędzia?")));
    }
}
