package org.ruleone.mailroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.Channel;
import org.ruleone.service.ServiceCase;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The public contact form of a store: a WEB_FORM case for the client, with the limits that keep bots out. */
@IntegrationTest
@AutoConfigureMockMvc
class ContactFormTests extends MailroomTestSupport {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired CaseDesk desk;
    @Autowired ClientBook clients;
    @Autowired JdbcClient jdbc;

    long store;
    String ip;

    @BeforeEach
    void aStore() {
        store = people.store("Contact " + System.nanoTime());
        ip = "198.51.100." + (int) (Math.random() * 250 + 1) + "-" + UUID.randomUUID().toString().substring(0, 4);
    }

    @Test
    void showsTheFormToAnyoneInTheBrowsersLanguage() throws Exception {
        mvc.perform(get("/contact/{id}", store).header("Accept-Language", "fr-FR,fr;q=0.9"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Votre message"), containsString("name=\"_csrf\""),
                        containsString("lang=\"fr\""))));
        mvc.perform(get("/contact/{id}", store).header("Accept-Language", "pl"))
                .andExpect(content().string(containsString("Wiadomość")));
        mvc.perform(get("/contact/{id}", store).param("lang", "en"))
                .andExpect(content().string(containsString("Your message")));
        mvc.perform(get("/contact/{id}", 999_999)).andExpect(status().isNotFound());
    }

    @Test
    void opensAWebFormCaseForANewClientInTheChosenLanguage() throws Exception {
        String email = unique("lea");
        mvc.perform(send("Léa Moreau", email, "+33 6 12 34 56 78", "Bonjour,\nAvez-vous la robe en 38 ?")
                        .header("Accept-Language", "fr"))
                .andExpect(redirectedUrl("/contact/" + store + "/thanks"));

        ServiceCase opened = onlyCaseOf(email);
        assertThat(opened.channel()).isEqualTo(Channel.WEB_FORM);
        assertThat(opened.language()).isEqualTo(Language.FR);
        assertThat(opened.subject()).isEqualTo("Bonjour,");
        assertThat(opened.messages().getFirst().body()).isEqualTo("Bonjour,\nAvez-vous la robe en 38 ?");
        Client client = clients.client(opened.customerId(), Optional.of(store)).orElseThrow();
        assertThat(client.firstName()).isEqualTo("Léa");
        assertThat(client.lastName()).isEqualTo("Moreau");
        assertThat(client.phone()).isEqualTo("+33 6 12 34 56 78");
        assertThat(client.language()).isEqualTo(Language.FR);
    }

    @Test
    void refusesAPostWithoutTheCsrfToken() throws Exception {
        mvc.perform(post("/contact/{id}", store).param("name", "X").param("email", unique("x"))
                        .param("message", "hi"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aFilledTrapFieldIsAcceptedSilentlyAndCreatesNothing() throws Exception {
        String email = unique("bot");
        mvc.perform(send("Bot", email, "", "Buy now").param("website", "http://spam.example"))
                .andExpect(redirectedUrl("/contact/" + store + "/thanks"));

        assertThat(casesOf(email)).isEmpty();
        assertThat(clients.search(email, Optional.of(store))).isEmpty();
    }

    @Test
    void keepsWhatWasTypedAndSaysWhatIsMissing() throws Exception {
        mvc.perform(send("Jan", "jan@", "", "Mój tekst").header("Accept-Language", "pl"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Wpisz adres e-mail"),
                        containsString("value=\"Jan\""), containsString("Mój tekst"))));
    }

    @Test
    void refusesTheSixthMessageInAnHourFromOneAddressWithAClearMessage() throws Exception {
        String email = unique("busy");
        for (int i = 0; i < 5; i++) {
            mvc.perform(send("Busy Bee", email, "", "Message " + i).with(from("10.9.8." + i)))
                    .andExpect(redirectedUrl("/contact/" + store + "/thanks"));
        }

        mvc.perform(send("Busy Bee", email, "", "Message 6").with(from("10.9.8.99")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please wait an hour")));

        assertThat(casesOf(email)).hasSize(5);
    }

    @Test
    void refusesTheSixthMessageInAnHourFromOneIpAddress() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(send("Many Names", unique("ip" + i), "", "Hello")).andExpect(status().is3xxRedirection());
        }
        String sixth = unique("ip6");

        mvc.perform(send("Many Names", sixth, "", "Hello"))
                .andExpect(content().string(containsString("Please wait an hour")));

        assertThat(casesOf(sixth)).isEmpty();
    }

    @Test
    void aNameWithLineBreaksCannotCarryHeaders() throws Exception {
        String email = unique("eve");
        mvc.perform(send("Eve\r\nBcc: victim@example.com", email, "", "Hello\r\nBcc: other@example.com"))
                .andExpect(redirectedUrl("/contact/" + store + "/thanks"));

        ServiceCase opened = onlyCaseOf(email);
        Client client = clients.client(opened.customerId(), Optional.of(store)).orElseThrow();
        assertThat(client.firstName() + client.lastName()).doesNotContain("\r", "\n");
        assertThat(opened.subject()).isEqualTo("Hello").doesNotContain("\r", "\n");
    }

    private MockHttpServletRequestBuilder send(String name, String email, String phone, String message) {
        return post("/contact/{id}", store).param("name", name).param("email", email).param("phone", phone)
                .param("message", message).param("website", "").with(csrf()).with(from(ip));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private List<Long> casesOf(String email) {
        return jdbc.sql("""
                select c.id from service_case c join customer p on p.id = c.customer_id
                 where c.store_id = :store and lower(p.email) = lower(:email) order by c.id
                """).param("store", store).param("email", email).query(Long.class).list();
    }

    private ServiceCase onlyCaseOf(String email) {
        List<Long> ids = casesOf(email);
        assertThat(ids).hasSize(1);
        return desk.find(ids.getFirst(), Optional.of(store)).orElseThrow();
    }
}
