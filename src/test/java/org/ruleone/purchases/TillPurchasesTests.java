package org.ruleone.purchases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreDraft;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class TillPurchasesTests {

    @Autowired TillPurchases tills;
    @Autowired Organization organization;
    @Autowired JdbcClient jdbc;

    @Test
    void takesATillsInvoiceStartingWithCForASaleUnlessALineIsNegative() {
        long store = organization.createStore(new StoreDraft("Till C " + System.nanoTime(), "", "GB",
                ZoneId.of("Europe/London"), Language.EN, List.of()));

        tills.record(new TillPurchase(store, "CAFE-1", Instant.parse("2024-05-01T10:00:00Z"), null, "GB",
                List.of(new TillPurchase.Line("S1", "Coffee", 2, new BigDecimal("3.00")))));
        tills.record(new TillPurchase(store, "CAFE-2", Instant.parse("2024-05-02T10:00:00Z"), null, "GB",
                List.of(new TillPurchase.Line("S1", "Coffee", -1, new BigDecimal("3.00")))));

        assertThat(jdbc.sql("select invoice_no || ':' || is_return from purchase where store_id = :s order by invoice_no")
                .param("s", store).query(String.class).list())
                .containsExactly("CAFE-1:false", "CAFE-2:true");
    }
}
