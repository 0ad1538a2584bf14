package org.ruleone.purchases;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import static org.awaitility.Awaitility.await;

/** The whole UCI Online Retail file, checked against its published figures. */
@IntegrationTest
class OnlineRetailImportTests {

    static final Path FILE = Path.of("../shared/data/online_retail/online_retail.csv");

    @Autowired PurchaseImports imports;
    @Autowired Organization organization;
    @Autowired JdbcClient jdbc;

    @Test
    void importsOnlineRetailFileWithKnownTotalsAndAddsNothingTheSecondTime() {
        assertThat(Files.isReadable(FILE)).as("the shared data set at " + FILE.toAbsolutePath()).isTrue();
        long store = organization.createStore(new StoreDraft("Online", "", "GB", ZoneId.of("Europe/London"),
                Language.EN, List.of()));
        var request = new PurchaseImports.Request(store, FILE, "online_retail.csv", ColumnMapping.onlineRetail(),
                false, null);

        ImportSummary first = imports.importNow(request);

        assertThat(first.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(first.rowsRead()).isEqualTo(541_909);
        assertThat(first.rowsImported()).isEqualTo(541_909);
        assertThat(first.rowsRejected()).isZero();
        assertThat(first.invoices()).isEqualTo(25_900);
        assertThat(first.customers()).isEqualTo(4_372);
        assertThat(first.cancellationRows()).isEqualTo(9_288);
        assertThat(first.walkInRows()).isEqualTo(135_080);
        assertThat(first.totalAmount()).isEqualByComparingTo("9747747.93");
        assertThat(lines(store)).isEqualTo(541_909);
        assertThat(jdbc.sql("""
                select round(sum(l.quantity * l.unit_price), 2) from purchase_line l join purchase p on p.id = l.purchase_id
                 where p.store_id = :s""").param("s", store).query(BigDecimal.class).single())
                .isEqualByComparingTo("9747747.93");
        assertThat(jdbc.sql("select round(sum(total), 2) from purchase where store_id = :s")
                .param("s", store).query(BigDecimal.class).single()).isEqualByComparingTo("9747747.93");
        assertThat(jdbc.sql("select count(*) from purchase where store_id = :s").param("s", store)
                .query(Long.class).single()).isEqualTo(25_900);
        assertThat(jdbc.sql("select count(distinct customer_id) from purchase where store_id = :s")
                .param("s", store).query(Long.class).single()).isEqualTo(4_372);
        assertThat(jdbc.sql("select sum(line_count) from purchase where store_id = :s and customer_id is null")
                .param("s", store).query(Long.class).single()).isEqualTo(135_080);
        assertThat(jdbc.sql("select count(*) from purchase where store_id = :s and invoice_no like 'C%' and is_return")
                .param("s", store).query(Long.class).single()).isEqualTo(3_836);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select file_sha256 from purchase_import where id = :id").param("id", first.importId())
                .query(String.class).single().length() == 64);

        ImportSummary second = imports.importNow(request);

        assertThat(second.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(second.rowsImported()).isZero();
        assertThat(second.rowsSkipped()).isEqualTo(541_909);
        assertThat(lines(store)).isEqualTo(541_909);
        assertThat(jdbc.sql("select round(sum(total), 2) from purchase where store_id = :s")
                .param("s", store).query(BigDecimal.class).single()).isEqualByComparingTo("9747747.93");
        assertThat(imports.find(second.importId()).orElseThrow().status()).isEqualTo(ImportStatus.COMPLETED);
    }

    private long lines(long store) {
        return jdbc.sql("select count(*) from purchase_line l join purchase p on p.id = l.purchase_id where p.store_id = :s")
                .param("s", store).query(Long.class).single();
    }
}
