package org.ruleone.purchases.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreDraft;
import org.ruleone.purchases.ImportStatus;
import org.ruleone.purchases.PurchaseImports;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class ImportScreensTests {

    @Autowired MockMvc mvc;
    @Autowired Organization organization;
    @Autowired PurchaseImports imports;

    @org.junit.jupiter.api.BeforeEach
    void ownerExists() {
        if (!organization.hasOwner()) {
            organization.setUp("Olga", "olga@example.com", "a long enough password", new StoreDraft("Head office", "",
                    "GB", ZoneId.of("Europe/London"), Language.EN, List.of()), Language.EN);
        }
    }

    @Test
    void managerUploadsMapsAndFollowsAnImportToItsSummary() throws Exception {
        long store = store("Screens");
        var me = user(person("Mia", Role.MANAGER, store));
        byte[] csv = ("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + "W1,S1,<script>alert(1)</script>,2,2011-01-02 10:00:00,1.50,910001,France\n"
                + "W2,S1,MUG,x,2011-01-02 10:00:00,1.50,910001,France\n").getBytes(StandardCharsets.UTF_8);

        MvcResult uploaded = mvc.perform(multipart("/purchases/imports/upload")
                        .file(new MockMultipartFile("file", "till.csv", "text/csv", csv)).with(me).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String mappingUrl = uploaded.getResponse().getRedirectedUrl();

        mvc.perform(get(mappingUrl).with(me))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("UCI Online Retail")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
        String upload = mappingUrl.replaceAll(".*upload=([^&]+).*", "$1");

        MvcResult started = mvc.perform(post("/purchases/imports").with(me).with(csrf())
                        .param("upload", upload).param("fileName", "till.csv").param("storeId", Long.toString(store))
                        .param("delimiter", ",").param("invoice", "0").param("date", "4")
                        .param("dateFormat", "yyyy-MM-dd HH:mm:ss").param("customer", "6").param("sku", "1")
                        .param("description", "2").param("quantity", "3").param("unitPrice", "5")
                        .param("country", "7").param("numberStyle", "PLAIN_POINT").param("mode", "GOOD_ROWS"))
                .andExpect(status().is3xxRedirection()).andReturn();
        long id = Long.parseLong(started.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> imports.find(id).orElseThrow().status() == ImportStatus.COMPLETED);

        mvc.perform(get("/purchases/imports/" + id).header("HX-Request", "true").with(me))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-progress\"")))
                .andExpect(content().string(containsString("Not a number")))
                .andExpect(content().string(containsString("Quantity: x")));
        mvc.perform(get("/purchases/imports/" + id).with(me))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Rows read")));
        mvc.perform(get("/purchases/imports").with(me))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("till.csv")));
    }

    @Test
    void refusesAnImportIntoAnotherStore() throws Exception {
        long mine = store("Mine");
        long theirs = store("Theirs");
        var me = user(person("Al", Role.ASSOCIATE, mine));
        MvcResult uploaded = mvc.perform(multipart("/purchases/imports/upload")
                        .file(new MockMultipartFile("file", "t.csv", "text/csv",
                                "InvoiceNo,InvoiceDate,Quantity,UnitPrice\nZ1,2011-01-02,1,1.00\n"
                                        .getBytes(StandardCharsets.UTF_8)))
                        .with(me).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String upload = uploaded.getResponse().getRedirectedUrl().replaceAll(".*upload=([^&]+).*", "$1");

        mvc.perform(post("/purchases/imports").with(me).with(csrf())
                        .param("upload", upload).param("fileName", "t.csv").param("storeId", Long.toString(theirs))
                        .param("delimiter", ",").param("invoice", "0").param("date", "1")
                        .param("dateFormat", "yyyy-MM-dd").param("quantity", "2").param("unitPrice", "3")
                        .param("mode", "GOOD_ROWS"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose one of your stores.")));
        assertThat(imports.recent(Optional.of(theirs), 10)).isEmpty();
    }

    @Test
    void showsARunWhoseEveryRowWasRejectedAsFailedInEachLanguage() throws Exception {
        long store = store("Wrong preset");
        var me = user(person("Ola", Role.MANAGER, store));
        java.nio.file.Path file = java.nio.file.Files.createTempFile("wrong", ".csv");
        java.nio.file.Files.writeString(file, "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + "V1,S1,MUG,2,01/02/2011 10:00,1.50,910101,France\n");
        long id = imports.importNow(new PurchaseImports.Request(store, file, "wrong.csv",
                org.ruleone.purchases.ColumnMapping.onlineRetail(), false, null)).importId();

        mvc.perform(get("/purchases/imports/" + id).with(me))
                .andExpect(content().string(containsString("Failed")))
                .andExpect(content().string(containsString("every row was rejected")))
                .andExpect(content().string(containsString("Not a date in the chosen format")));
        mvc.perform(get("/purchases/imports/" + id).with(speaking(store, Language.FR)))
                .andExpect(content().string(containsString("toutes les lignes ont été refusées")));
        mvc.perform(get("/purchases/imports/" + id).with(speaking(store, Language.PL)))
                .andExpect(content().string(containsString("odrzucono wszystkie wiersze")));
        mvc.perform(get("/purchases/imports").with(me))
                .andExpect(content().string(containsString("Failed")));
    }

    @Test
    void offersTheNumberFormatDetectedFromTheFileAndSaysWhatAReImportAdded() throws Exception {
        long store = store("Numbers");
        var me = user(person("Nel", Role.MANAGER, store));
        byte[] csv = ("Rechnung;Datum;Kunde;Menge;Preis\nM1;02.01.2011;910201;1;2.350,00\nM2;02.01.2011;910201;2;1.300\n")
                .getBytes(StandardCharsets.UTF_8);
        String upload = uploadedToken(csv, me);

        mvc.perform(get("/purchases/imports/new").param("upload", upload).with(me))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Detected from the file&#39;s values: 1.234,56")))
                .andExpect(content().string(containsString("value=\"POINT_COMMA\" selected=\"selected\"")))
                .andExpect(content().string(containsString("Not in this file: one item per row")));

        long first = start(upload, store, me);
        long again = start(uploadedToken(csv, me), store, me);

        assertThat(imports.find(first).orElseThrow().summary().totalAmount()).isEqualByComparingTo("4950.00");
        mvc.perform(get("/purchases/imports/" + again).with(me))
                .andExpect(content().string(containsString("In the file")))
                .andExpect(content().string(containsString("Added by this import")))
                .andExpect(content().string(containsString("Invoices added")))
                .andExpect(content().string(containsString("Customers created")));
        assertThat(imports.find(again).orElseThrow().summary())
                .returns(2L, org.ruleone.purchases.ImportSummary::invoices)
                .returns(0L, org.ruleone.purchases.ImportSummary::invoicesAdded)
                .returns(0L, org.ruleone.purchases.ImportSummary::customersCreated);
    }

    @Test
    void asksHowNumbersAreWrittenWhenTheFilesValuesReadTwoWays() throws Exception {
        long store = store("Two ways");
        var me = user(person("Nel", Role.MANAGER, store));
        String upload = uploadedToken("Order;Day;Price\nT1;02.01.2011;1.300\nT2;02.01.2011;2.500\n"
                .getBytes(StandardCharsets.UTF_8), me);

        mvc.perform(get("/purchases/imports/new").param("upload", upload).with(me))
                .andExpect(content().string(containsString("Values such as 1.300 can be read two ways")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("selected=\"selected\">1"))));
        mvc.perform(post("/purchases/imports").with(me).with(csrf())
                        .param("upload", upload).param("fileName", "two.csv").param("storeId", Long.toString(store))
                        .param("delimiter", ";").param("invoice", "0").param("date", "1")
                        .param("dateFormat", "dd.MM.yyyy").param("unitPrice", "2").param("numberStyle", "")
                        .param("mode", "GOOD_ROWS"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose how this file writes its numbers.")));
        assertThat(imports.recent(Optional.of(store), 10)).isEmpty();
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor speaking(long store, Language language) {
        return user(person("Ola", Role.MANAGER, store, language));
    }

    private String uploadedToken(byte[] csv, org.springframework.test.web.servlet.request.RequestPostProcessor me)
            throws Exception {
        MvcResult uploaded = mvc.perform(multipart("/purchases/imports/upload")
                        .file(new MockMultipartFile("file", "shop.csv", "text/csv", csv)).with(me).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        return uploaded.getResponse().getRedirectedUrl().replaceAll(".*upload=([^&]+).*", "$1");
    }

    private long start(String upload, long store, org.springframework.test.web.servlet.request.RequestPostProcessor me)
            throws Exception {
        MvcResult started = mvc.perform(post("/purchases/imports").with(me).with(csrf())
                        .param("upload", upload).param("fileName", "shop.csv").param("storeId", Long.toString(store))
                        .param("delimiter", ";").param("invoice", "0").param("date", "1")
                        .param("dateFormat", "dd.MM.yyyy").param("customer", "2").param("quantity", "3")
                        .param("unitPrice", "4").param("numberStyle", "POINT_COMMA").param("returnPrefix", "")
                        .param("returnColumn", "-1").param("mode", "GOOD_ROWS"))
                .andExpect(status().is3xxRedirection()).andReturn();
        long id = Long.parseLong(started.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
        await().atMost(Duration.ofSeconds(20)).until(() -> imports.find(id).orElseThrow().status().finished());
        return id;
    }

    private long store(String name) {
        return organization.createStore(new StoreDraft(name + " " + System.nanoTime(), "", "GB",
                ZoneId.of("Europe/London"), Language.EN, List.of()));
    }

    /** A real associate: sessions are checked against the stored one on every request. */
    private SignedInAssociate person(String name, Role role, long store) {
        return person(name, role, store, Language.EN);
    }

    private SignedInAssociate person(String name, Role role, long store, Language language) {
        String email = name.toLowerCase() + "-" + java.util.UUID.randomUUID() + "@example.com";
        organization.createAssociate(new org.ruleone.organization.AssociateDraft(name, email, role, store, null,
                language), "a long enough password");
        return organization.signInDetails(email).orElseThrow();
    }
}
