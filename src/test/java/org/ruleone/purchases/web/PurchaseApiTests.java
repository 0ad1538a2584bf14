package org.ruleone.purchases.web;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreDraft;
import org.ruleone.platform.ApiTokens;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class PurchaseApiTests {

    @Autowired MockMvc mvc;
    @Autowired Organization organization;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;
    long store;
    String token;

    @BeforeEach
    void storeAndToken() {
        long owner = organization.hasOwner()
                ? jdbc.sql("select id from associate where role = 'OWNER' limit 1").query(Long.class).single()
                : organization.setUp("Olga", "olga@example.com", "a long enough password", new StoreDraft(
                        "Head office", "", "GB", ZoneId.of("Europe/London"), Language.EN, List.of()), Language.EN);
        store = organization.createStore(new StoreDraft("Till " + System.nanoTime(), "", "FR",
                ZoneId.of("Europe/Paris"), Language.FR, List.of()));
        token = tokens.create("till", store, owner);
    }

    String body(String invoice, int quantity) {
        return """
                {"storeId": %d, "invoice": "%s", "date": "2024-05-01T10:15:00", "customerId": "C-77",
                 "lines": [{"sku": "85123A", "description": "Mug", "quantity": %d, "unitPrice": 2.55},
                           {"sku": "71053", "description": "Lantern", "quantity": 1, "unitPrice": "3.39"}]}
                """.formatted(store, invoice, quantity);
    }

    MockHttpServletRequestBuilder send(String body, String key) {
        var request = post("/api/purchases").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body);
        return key == null ? request : request.header("Idempotency-Key", key);
    }

    @Test
    void recordsAPurchaseFromATill() throws Exception {
        mvc.perform(send(body("T-1", 2), null))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.lines").value(2))
                .andExpect(jsonPath("$.total").value("8.49"));

        assertThat(jdbc.sql("""
                select p.purchased_at = timestamptz '2024-05-01 10:15:00+02' and c.external_id = 'C-77'
                  from purchase p join customer c on c.id = p.customer_id where p.store_id = :s""")
                .param("s", store).query(Boolean.class).single()).isTrue();
    }

    @Test
    void attachesAnotherStoresPosNumberToAClientOfTheTokensOwnStore() throws Exception {
        long other = organization.createStore(new StoreDraft("Neighbour " + System.nanoTime(), "", "FR",
                ZoneId.of("Europe/Paris"), Language.FR, List.of()));
        String number = "N-" + other;
        long theirs = jdbc.sql("insert into customer (store_id, external_id, last_name) values (:s, :n, 'Neighbour') returning id")
                .param("s", other).param("n", number).query(Long.class).single();

        mvc.perform(send(body("T-10", 1).replace("\"C-77\"", "\"" + number + "\""), null))
                .andExpect(status().isCreated());

        assertThat(jdbc.sql("""
                select c.store_id from purchase p join customer c on c.id = p.customer_id
                 where p.store_id = :s and p.invoice_no = 'T-10'""")
                .param("s", store).query(Long.class).single()).isEqualTo(store);
        assertThat(jdbc.sql("select count(*) from purchase where customer_id = :c").param("c", theirs)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select last_name from customer where id = :c").param("c", theirs)
                .query(String.class).single()).isEqualTo("Neighbour");
    }

    @Test
    void replaysIdempotentPurchaseWithSameKey() throws Exception {
        MvcResult first = mvc.perform(send(body("T-2", 2), "key-2")).andExpect(status().isCreated()).andReturn();

        mvc.perform(send(body("T-2", 2), "key-2"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(content().json(first.getResponse().getContentAsString()));

        assertThat(jdbc.sql("select count(*) from purchase where store_id = :s").param("s", store)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void rejectsSameIdempotencyKeyWithDifferentBody() throws Exception {
        mvc.perform(send(body("T-3", 2), "key-3")).andExpect(status().isCreated());

        mvc.perform(send(body("T-3", 5), "key-3"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("different request body")));
    }

    @Test
    void answersConflictForAnInvoiceRecordedUnderAnotherKey() throws Exception {
        mvc.perform(send(body("T-4", 2), "key-4a")).andExpect(status().isCreated());

        mvc.perform(send(body("T-4", 2), "key-4b")).andExpect(status().isConflict());
    }

    @Test
    void namesTheFieldOfBadInput() throws Exception {
        mvc.perform(send(body("T-5", 2).replace("\"quantity\": 2", "\"quantity\": \"two\""), "key-5"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].quantity"));
        mvc.perform(send("{not json", null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void refusesAStoreTheTokenMayNotTouch() throws Exception {
        long other = organization.createStore(new StoreDraft("Other " + System.nanoTime(), "", "FR",
                ZoneId.of("Europe/Paris"), Language.FR, List.of()));

        mvc.perform(send(body("T-6", 1).replace("\"storeId\": " + store, "\"storeId\": " + other), "key-6"))
                .andExpect(status().isForbidden());
    }
}
