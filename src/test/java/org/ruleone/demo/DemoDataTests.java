package org.ruleone.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreDraft;
import org.ruleone.shared.Language;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With the demo switched on, finishing the first run fills the shop with stores, people, clients and sales. */
@SpringBootTest(properties = "ruleone.demo=true")
@ActiveProfiles("test")
class DemoDataTests {

    static Path sales;

    @DynamicPropertySource
    static void salesFile(DynamicPropertyRegistry registry) throws Exception {
        sales = Files.createTempFile("demo-sales", ".csv");
        Files.writeString(sales, """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
                C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527,United Kingdom
                """);
        registry.add("ruleone.demo.purchases-file", sales::toString);
    }

    @Autowired
    Organization organization;
    @Autowired
    JdbcClient jdbc;

    @Test
    void seedsStoresAssociatesClientsAndSalesOnceTheOwnerIsSetUp() {
        organization.setUp("Demo Owner", "demo-owner@example.com", "a demo password for tests",
                new StoreDraft("Seattle", "", "US", ZoneId.of("America/Los_Angeles"), Language.EN, List.of()),
                Language.EN);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(organization.stores()).extracting(s -> s.name()).contains("Seattle", "Kraków Rynek");
            assertThat(jdbc.sql("select count(*) from associate where email like '%@demo.example'")
                    .query(Long.class).single()).isEqualTo(4);
            assertThat(jdbc.sql("select count(*) from customer where last_name = 'Żółkiewska'")
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select status from purchase_import").query(String.class).list())
                    .containsExactly("COMPLETED");
            assertThat(jdbc.sql("select count(*) from purchase_line").query(Long.class).single()).isEqualTo(2);
        });
    }
}
