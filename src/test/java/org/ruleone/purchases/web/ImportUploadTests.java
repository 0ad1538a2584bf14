package org.ruleone.purchases.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.AssociateDraft;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.Uploads;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What the purchase upload accepts, refuses, and who may use an upload. */
@IntegrationTest
@AutoConfigureMockMvc
class ImportUploadTests {

    static final Path ONLINE_RETAIL = Path.of("../shared/data/online_retail/online_retail.csv");

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired Uploads uploads;
    @Autowired Organization organization;
    @Value("${ruleone.uploads.directory}") Path uploadDirectory;
    long store;
    SignedInAssociate manager;

    @BeforeEach
    void storeAndManager() {
        store = people.store("Uploads " + System.nanoTime());
        manager = people.person(Role.MANAGER, store);
    }

    @Test
    void refusesAOneLineFileOfTenMillionColumnsBeforeTheMappingScreen() throws Exception {
        byte[] hostile = new byte[20_000_000];
        for (int i = 0; i < hostile.length; i += 2) {
            hostile[i] = 'a';
            hostile[i + 1] = ',';
        }

        String refused = upload(manager, "hostile.csv", hostile);

        assertThat(refused).isEqualTo("/purchases/imports?refused=RECORD_TOO_LONG&line=1");
        mvc.perform(get(refused).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "Line 1 of this file is longer than 100,000 characters: this is not a till export.")));
        assertThat(uploadsOf(manager)).as("a refused file is not kept").isEmpty();
    }

    @Test
    void refusesALineWithMoreColumnsThanAnyExportHas() throws Exception {
        String wide = "InvoiceNo,Quantity\n" + "x,".repeat(600) + "x\n";

        String refused = upload(manager, "wide.csv", wide.getBytes(StandardCharsets.UTF_8));

        assertThat(refused).isEqualTo("/purchases/imports?refused=TOO_MANY_COLUMNS&line=2");
        mvc.perform(get(refused).with(user(manager)))
                .andExpect(content().string(containsString("Line 2 of this file has more than 500 columns")));
    }

    @Test
    void refusesAnImageRenamedCsvWithAMessageInThePersonsLanguage() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};

        String refused = upload(manager, "photo.csv", png);

        assertThat(refused).isEqualTo("/purchases/imports?refused=NOT_TEXT&line=1");
        mvc.perform(get(refused).with(user(speaking(Language.FR))))
                .andExpect(content().string(containsString("Ce fichier n’est pas un fichier texte CSV")));
    }

    @Test
    void stillPreviewsTheRealOnlineRetailExportAndSemicolonWindows1252Files() throws Exception {
        byte[] realStart;
        try (Stream<String> lines = Files.lines(ONLINE_RETAIL, StandardCharsets.UTF_8)) {
            realStart = (String.join("\n", lines.limit(2000).toList()) + "\n").getBytes(StandardCharsets.UTF_8);
        }
        String mapping = upload(manager, "online_retail.csv", realStart);
        mvc.perform(get(mapping).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("UCI Online Retail")))
                .andExpect(content().string(containsString("WHITE HANGING HEART T-LIGHT HOLDER")));

        ByteArrayOutputStream french = new ByteArrayOutputStream();
        french.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        french.writeBytes("Facture;Quantité;Prix\nF1;2;3,50\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(get(upload(manager, "bom.csv", french.toByteArray())).with(user(manager)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Quantité")));
        byte[] windows1252 = "Facture;Désignation;Prix\nF1;Théière;12,00\n".getBytes(Charset.forName("windows-1252"));
        mvc.perform(get(upload(manager, "caisse.csv", windows1252)).with(user(manager)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Facture")));
    }

    @Test
    void keepsAnUploadForItsUploaderOnlyAndReadableByThisProcessOnly() throws Exception {
        SignedInAssociate colleague = people.person(Role.MANAGER, store);
        String mapping = upload(manager, "till.csv",
                "InvoiceNo,Quantity,UnitPrice,InvoiceDate\nA1,1,2.00,2011-01-02 10:00:00\n".getBytes(StandardCharsets.UTF_8));
        String token = mapping.replaceAll(".*upload=([^&]+).*", "$1");

        mvc.perform(get(mapping).with(user(colleague))).andExpect(status().isNotFound());
        mvc.perform(post("/purchases/imports").with(user(colleague)).with(csrf())
                        .param("upload", token).param("fileName", "till.csv").param("storeId", Long.toString(store))
                        .param("delimiter", ",").param("invoice", "0").param("quantity", "1").param("unitPrice", "2")
                        .param("date", "3").param("dateFormat", "yyyy-MM-dd HH:mm:ss").param("mode", "GOOD_ROWS"))
                .andExpect(status().isNotFound());
        mvc.perform(get(mapping).with(user(manager))).andExpect(status().isOk());

        Path file = uploads.find(token, manager.id()).orElseThrow();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent().getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void saysTheUploadLimitOnTheUploadPage() throws Exception {
        mvc.perform(get("/purchases/imports").with(user(speaking(Language.PL))))
                .andExpect(content().string(containsString("Pliki CSV do 100 MB.")));
        mvc.perform(get("/purchases/imports").param("refused", "TOO_LARGE").with(user(manager)))
                .andExpect(content().string(containsString(
                        "This file is larger than 100 MB, the largest file you can upload.")));
    }

    @Test
    void answersHtmxWithARedirectToTheRefusal() throws Exception {
        mvc.perform(multipart("/purchases/imports/upload")
                        .file(new MockMultipartFile("file", "x.csv", "text/csv", new byte[] {0, 1, 2, 3}))
                        .header("HX-Request", "true").with(user(manager)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", "/purchases/imports?refused=NOT_TEXT&line=1"));
    }

    /** A manager of the store whose pages are in this language. */
    private SignedInAssociate speaking(Language language) {
        String email = "speaker-" + UUID.randomUUID() + "@example.com";
        organization.createAssociate(new AssociateDraft("Speaker", email, Role.MANAGER, store, null, language),
                TestPeople.PASSWORD);
        return organization.signInDetails(email).orElseThrow();
    }

    private String upload(SignedInAssociate who, String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/purchases/imports/upload")
                        .file(new MockMultipartFile("file", name, "text/csv", content)).with(user(who)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
    }

    private List<Path> uploadsOf(SignedInAssociate who) throws IOException {
        Path folder = uploadDirectory.resolve(String.valueOf(who.id()));
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
