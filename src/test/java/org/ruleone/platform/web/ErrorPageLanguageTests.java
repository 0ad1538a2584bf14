package org.ruleone.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.Role;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The error page names its status in the reader's language, never in the server's English. */
@IntegrationTest
@AutoConfigureMockMvc
class ErrorPageLanguageTests {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;

    @Test
    void namesEveryStatusInFrench() throws Exception {
        Map<Integer, String> french = Map.of(400, "400 Demande illisible", 403, "403 Accès refusé",
                404, "404 Introuvable", 405, "405 Méthode non acceptée", 413, "413 Trop volumineux",
                500, "500 Erreur du serveur", 503, "503 Momentanément indisponible");
        for (var status : french.entrySet()) {
            String page = errorPage(status.getKey(), Locale.FRENCH);
            assertThat(page).contains(status.getValue()).doesNotContain("Forbidden", "Not Found", "Bad Request",
                    "Internal Server Error", "Method Not Allowed", "Payload Too Large", "Content Too Large",
                    "Service Unavailable");
        }
    }

    @Test
    void namesAForbiddenPageInPolish() throws Exception {
        assertThat(errorPage(403, Locale.of("pl"))).contains("403 Brak dostępu").doesNotContain("Forbidden");
    }

    @Test
    void namesABadAddressInTheReadersLanguage() throws Exception {
        var manager = people.person(Role.MANAGER, people.store("Error page language"));
        String page = mvc.perform(get("/cases?store=abc&lang=fr").with(user(manager)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("400 Demande illisible").doesNotContain("Bad Request");
    }

    private String errorPage(int status, Locale locale) throws Exception {
        return mvc.perform(get("/error").accept("text/html")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/somewhere")
                        .locale(locale))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
