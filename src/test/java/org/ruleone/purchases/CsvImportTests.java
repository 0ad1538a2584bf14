package org.ruleone.purchases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreDraft;
import org.ruleone.platform.NumberStyle;
import org.ruleone.platform.RejectedRow;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Small files written by the test: bad rows, returns, walk-ins, all or nothing, roll back. */
@IntegrationTest
class CsvImportTests {

    static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";

    @Autowired PurchaseImports imports;
    @Autowired Organization organization;
    @Autowired JdbcClient jdbc;
    @Autowired tools.jackson.databind.json.JsonMapper json;
    @TempDir Path dir;
    long store;

    @BeforeEach
    void store() {
        store = organization.createStore(new StoreDraft("Store " + System.nanoTime(), "", "GB",
                ZoneId.of("Europe/London"), Language.EN, List.of()));
    }

    @Test
    void reportsBadRowsWithLineAndReasonAndImportsTheRest() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes((HEADER
                + "A1,S1,\"MUG, RED\",2,2011-01-02 10:00:00,1.50,900001,France\n"
                + "A1,S2,TOO,FEW,COLUMNS\n"
                + "A2,S3,PLATE,two,2011-01-02 11:00:00,3.00,900001,France\n"
                + "A2,S4,PLATE,1,2011-01-02 11:00:00,3.0x,900001,France\n"
                + "A3,S5,BOWL,1,02/01/2011,3.00,900002,France\n"
                + ",S6,SPOON,1,2011-01-02 11:00:00,3.00,900002,France\n"
                + "A4,S7,BROKEN ").getBytes(StandardCharsets.UTF_8));
        file.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
        file.writeBytes((",1,2011-01-03 09:00:00,1.00,900002,France\n"
                + "A4,S8,\"CAFÉ \"\"NOIR\"\"\",1,2011-01-03 09:00:00,4.00,,France\n").getBytes(StandardCharsets.UTF_8));

        ImportSummary summary = importFile(write(file.toByteArray()), false);

        assertThat(summary.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(summary.rowsRead()).isEqualTo(8);
        assertThat(summary.rowsImported()).isEqualTo(2);
        assertThat(summary.rowsRejected()).isEqualTo(6);
        assertThat(imports.rejectedRows(summary.importId(), 100))
                .extracting(RejectedRow::lineNo, RejectedRow::reason)
                .containsExactly(tuple(3L, "COLUMN_COUNT"), tuple(4L, "BAD_NUMBER"), tuple(5L, "BAD_NUMBER"),
                        tuple(6L, "BAD_DATE"), tuple(7L, "MISSING_INVOICE"), tuple(8L, "BAD_ENCODING"));
        assertThat(imports.rejectedRows(summary.importId(), 100).get(1).detail()).isEqualTo("Quantity: two");
        assertThat(jdbc.sql("""
                select l.description from purchase_line l join purchase p on p.id = l.purchase_id
                 where p.store_id = :s order by p.invoice_no, l.line_in_invoice""")
                .param("s", store).query(String.class).list())
                .containsExactly("MUG, RED", "CAFÉ \"NOIR\"");
    }

    @Test
    void secondImportOfSameFileAddsNothing() throws IOException {
        Path file = write((HEADER + "B1,S1,MUG,2,2011-01-02 10:00:00,1.50,900010,France\n"
                + "B1,S2,CUP,1,2011-01-02 10:00:00,2.00,900010,France\n").getBytes(StandardCharsets.UTF_8));

        ImportSummary first = importFile(file, false);
        ImportSummary second = importFile(file, false);

        assertThat(first.rowsImported()).isEqualTo(2);
        assertThat(second.rowsImported()).isZero();
        assertThat(second.rowsSkipped()).isEqualTo(2);
        assertThat(purchaseTotal("B1")).isEqualByComparingTo("5.00");
    }

    @Test
    void addsTheFixedRowWhenAFileIsImportedAgainAfterAFix() throws IOException {
        importFile(write((HEADER + "D1,S1,MUG,2,2011-01-02 10:00:00,1.50,900020,France\n"
                + "D1,S2,CUP,x,2011-01-02 10:00:00,2.00,900020,France\n").getBytes(StandardCharsets.UTF_8)), false);

        ImportSummary fixed = importFile(write((HEADER + "D1,S1,MUG,2,2011-01-02 10:00:00,1.50,900020,France\n"
                + "D1,S2,CUP,1,2011-01-02 10:00:00,2.00,900020,France\n").getBytes(StandardCharsets.UTF_8)), false);

        assertThat(fixed.rowsImported()).isEqualTo(1);
        assertThat(fixed.rowsSkipped()).isEqualTo(1);
        assertThat(purchaseTotal("D1")).isEqualByComparingTo("5.00");
    }

    @Test
    void allOrNothingImportLandsNothingWhenOneRowIsBad() throws IOException {
        Path file = write((HEADER + "E1,S1,MUG,2,2011-01-02 10:00:00,1.50,900030,France\n"
                + "E2,S2,CUP,1,not a date,2.00,900030,France\n"
                + "E3,S3,BOWL,1,2011-01-02 10:00:00,2.00,900031,France\n").getBytes(StandardCharsets.UTF_8));

        ImportSummary summary = importFile(file, true);

        assertThat(summary.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(summary.rowsImported()).isZero();
        assertThat(imports.rejectedRows(summary.importId(), 10)).extracting(RejectedRow::lineNo).containsExactly(3L);
        assertThat(jdbc.sql("select count(*) from purchase where store_id = :s").param("s", store)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from customer where store_id = :s and external_id in ('900030', '900031')").param("s", store)
                .query(Long.class).single()).isZero();
    }

    @Test
    void linksEveryPurchaseToItsOwnClientWhenTheFileHasMoreClientsThanOneBatch() throws IOException {
        // Customers are written in batches while the file is still read: several batches, a client already in the
        // store, and a client whose rows come back after others were met.
        String known = "800000";
        long knownId = jdbc.sql("insert into customer (store_id, external_id, last_name) values (:s, :n, 'Known') returning id")
                .param("s", store).param("n", known).query(Long.class).single();
        StringBuilder rows = new StringBuilder(HEADER);
        int clients = 1_234;
        for (int i = 0; i < clients; i++) {
            rows.append("M").append(i).append(",S1,MUG,1,2011-01-02 10:00:00,").append(i % 7 + 1).append(".25,")
                    .append(800000 + i).append(",France\n");
        }
        rows.append("MLAST,S2,CUP,2,2011-01-03 10:00:00,2.00,").append(800001).append(",France\n");

        ImportSummary summary = importFile(write(rows.toString().getBytes(StandardCharsets.UTF_8)), false);

        assertThat(summary.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(summary.customers()).isEqualTo(clients);
        assertThat(summary.customersCreated()).isEqualTo(clients - 1);
        assertThat(jdbc.sql("select count(*) from customer where store_id = :s").param("s", store)
                .query(Long.class).single()).isEqualTo(clients);
        // Every invoice points at the client its rows name, in this store: none left without one, none crossed.
        assertThat(jdbc.sql("""
                select count(*) from purchase p join customer c on c.id = p.customer_id
                 where p.store_id = :s and c.store_id = :s
                   and c.external_id = case when p.invoice_no = 'MLAST' then '800001'
                                            else (800000 + substr(p.invoice_no, 2)::int)::text end""")
                .param("s", store).query(Long.class).single()).isEqualTo(clients + 1L);
        assertThat(jdbc.sql("select customer_id from purchase where store_id = :s and invoice_no = 'M0'")
                .param("s", store).query(Long.class).single()).isEqualTo(knownId);
    }

    @Test
    void allOrNothingImportCreatesNoClientWhenABadRowComesAfterManyClients() throws IOException {
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 0; i < 1_200; i++) {
            rows.append("N").append(i).append(",S1,MUG,1,2011-01-02 10:00:00,1.00,").append(810000 + i)
                    .append(",France\n");
        }
        rows.append("NBAD,S1,MUG,1,not a date,1.00,811999,France\n");

        ImportSummary summary = importFile(write(rows.toString().getBytes(StandardCharsets.UTF_8)), true);

        assertThat(summary.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(jdbc.sql("select count(*) from customer where store_id = :s").param("s", store)
                .query(Long.class).single()).isZero();
    }

    @Test
    void countsReturnsAndWalkInPurchasesInTheStoreTotals() throws IOException {
        ImportSummary summary = importFile(write((HEADER
                + "F1,S1,MUG,3,2011-01-02 10:00:00,2.00,900040,France\n"
                + "CF2,S1,MUG,-1,2011-01-05 10:00:00,2.00,900040,France\n"
                + "F3,S2,CUP,1,2011-01-06 10:00:00,5.00,,France\n").getBytes(StandardCharsets.UTF_8)), false);

        assertThat(summary.cancellationRows()).isEqualTo(1);
        assertThat(summary.returnLines()).isEqualTo(1);
        assertThat(summary.walkInRows()).isEqualTo(1);
        assertThat(summary.customers()).isEqualTo(1);
        assertThat(summary.totalAmount()).isEqualByComparingTo("9.00");
        assertThat(jdbc.sql("select is_return from purchase where store_id = :s and invoice_no = 'CF2'")
                .param("s", store).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("""
                select count(*) from purchase p join customer c on c.id = p.customer_id
                 where p.store_id = :s and c.external_id = '900040'""")
                .param("s", store).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void attachesAnotherStoresPosNumberToAClientOfTheImportsOwnStore() throws IOException {
        long other = organization.createStore(new StoreDraft("Neighbour " + System.nanoTime(), "", "GB",
                ZoneId.of("Europe/London"), Language.EN, List.of()));
        String number = "9" + other;
        long theirs = jdbc.sql("insert into customer (store_id, external_id, last_name) values (:s, :n, 'Neighbour') returning id")
                .param("s", other).param("n", number).query(Long.class).single();

        ImportSummary summary = importFile(write((HEADER + "H1,S1,MUG,2,2011-01-02 10:00:00,1.50," + number
                + ",France\n").getBytes(StandardCharsets.UTF_8)), false);

        assertThat(summary.rowsImported()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select c.store_id from purchase p join customer c on c.id = p.customer_id
                 where p.store_id = :s and p.invoice_no = 'H1'""")
                .param("s", store).query(Long.class).single()).isEqualTo(store);
        assertThat(jdbc.sql("select count(*) from purchase where customer_id = :c").param("c", theirs)
                .query(Long.class).single()).isZero();
    }

    @Test
    void failsAFileWithAHostileLineFurtherDownAndImportsNothing() throws IOException {
        ImportSummary summary = importFile(write((HEADER + "K1,S1,MUG,2,2011-01-02 10:00:00,1.50,900060,France\n"
                + "x,".repeat(600) + "x\n").getBytes(StandardCharsets.UTF_8)), false);

        assertThat(summary.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(summary.problem()).contains("Line 3 has more than 500 columns");
        assertThat(jdbc.sql("select count(*) from purchase where store_id = :s").param("s", store)
                .query(Long.class).single()).isZero();
    }

    @Test
    void rollingBackAnImportDeletesItsLines() throws IOException {
        ImportSummary summary = importFile(write((HEADER + "G1,S1,MUG,2,2011-01-02 10:00:00,1.50,900050,France\n")
                .getBytes(StandardCharsets.UTF_8)), false);

        assertThat(imports.rollBack(summary.importId())).isTrue();

        assertThat(imports.find(summary.importId()).orElseThrow().status()).isEqualTo(ImportStatus.ROLLED_BACK);
        assertThat(jdbc.sql("select count(*) from purchase where store_id = :s").param("s", store)
                .query(Long.class).single()).isZero();
    }

    @Test
    void readsThousandsSeparatorsInTheChosenNumberStyleAndRejectsAValueItCannotRead() throws IOException {
        Path file = write(("Rechnung;Datum;Menge;Preis\n"
                + "N1;02.01.2011;1;2.350,00\n"
                + "N2;02.01.2011;2;1.300\n"
                + "N3;02.01.2011;1.000;0,85\n"
                + "N4;02.01.2011;1;1.30\n").getBytes(StandardCharsets.UTF_8));
        ColumnMapping mapping = new ColumnMapping(';', 0, 1, "dd.MM.yyyy", -1, -1, -1, 2, 3, -1,
                NumberStyle.POINT_COMMA, ColumnMapping.Returns.none());

        ImportSummary summary = importFile(file, mapping);

        assertThat(summary.rowsImported()).isEqualTo(3);
        assertThat(purchaseTotal("N1")).isEqualByComparingTo("2350.00");
        assertThat(purchaseTotal("N2")).isEqualByComparingTo("2600.00");
        assertThat(purchaseTotal("N3")).isEqualByComparingTo("850.00");
        assertThat(summary.totalAmount()).isEqualByComparingTo("5800.00");
        assertThat(imports.rejectedRows(summary.importId(), 10))
                .extracting(RejectedRow::lineNo, RejectedRow::reason, RejectedRow::detail)
                .containsExactly(tuple(5L, "BAD_NUMBER", "Preis: 1.30 (1.234,56)"));
    }

    @Test
    void detectsThatAFileWritesThousandsWithPointsSoThatOnePointThreeHundredIsNeverOnePointThree() throws IOException {
        Path file = write(("Rechnung;Datum;Menge;Preis\n"
                + "N1;02.01.2011;1;2.350,00\n"
                + "N2;02.01.2011;2;1.300\n").getBytes(StandardCharsets.UTF_8));
        Path twoWays = write(("Invoice,Date,Quantity,Price\nP1,2011-01-02,1,1.300\n").getBytes(StandardCharsets.UTF_8));

        FilePreview preview = PurchaseImports.preview(file);

        assertThat(preview.delimiter()).isEqualTo(';');
        assertThat(preview.numbers().style()).contains(NumberStyle.POINT_COMMA);
        assertThat(PurchaseImports.preview(twoWays).numbers().style()).isEmpty();
        assertThat(PurchaseImports.preview(twoWays).numbers().ambiguous()).contains("1.300");
    }

    @Test
    void countsOneItemPerRowWhenTheFileHasNoQuantityColumn() throws IOException {
        Path file = write(("Order,Date,Item,Price\nQ1,2011-01-02,Mug,2.50\nQ1,2011-01-02,Cup,1.25\n")
                .getBytes(StandardCharsets.UTF_8));
        ColumnMapping mapping = new ColumnMapping(',', 0, 1, "yyyy-MM-dd", -1, -1, 2, -1, 3, -1,
                NumberStyle.PLAIN_POINT, ColumnMapping.Returns.none());

        ImportSummary summary = importFile(file, mapping);

        assertThat(summary.rowsImported()).isEqualTo(2);
        assertThat(purchaseTotal("Q1")).isEqualByComparingTo("3.75");
        assertThat(jdbc.sql("select items from purchase where store_id = :s and invoice_no = 'Q1'")
                .param("s", store).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void takesAnInvoiceStartingWithCForASaleUnlessTheMappingSaysWhatAReturnIs() throws IOException {
        Path file = write(("Invoice,Date,Quantity,Price,Type\n"
                + "CR1,2011-01-02,2,10.00,sale\n"
                + "RT2,2011-01-03,1,4.00,sale\n"
                + "CR3,2011-01-04,1,3.00,return\n").getBytes(StandardCharsets.UTF_8));
        ColumnMapping mapping = new ColumnMapping(',', 0, 1, "yyyy-MM-dd", -1, -1, -1, 2, 3, -1,
                NumberStyle.PLAIN_POINT, new ColumnMapping.Returns("RT", 4));

        ImportSummary summary = importFile(file, mapping);

        assertThat(summary.cancellationRows()).isEqualTo(2);
        assertThat(summary.returnLines()).isEqualTo(2);
        assertThat(summary.totalAmount()).isEqualByComparingTo("13.00");
        assertThat(jdbc.sql("select invoice_no || ':' || is_return || ':' || total from purchase where store_id = :s order by invoice_no")
                .param("s", store).query(String.class).list())
                .containsExactly("CR1:false:20.0000", "CR3:true:-3.0000", "RT2:true:-4.0000");
    }

    @Test
    void failsARunWhoseEveryRowIsRejected() throws IOException {
        Path file = write((HEADER + "X1,S1,MUG,2,02/01/2011 10:00,1.50,900080,France\n"
                + "X2,S1,MUG,2,03/01/2011 10:00,1.50,900080,France\n").getBytes(StandardCharsets.UTF_8));

        ImportSummary summary = imports.importNow(new PurchaseImports.Request(store, file, "wrong.csv",
                ColumnMapping.onlineRetail(), false, null));

        assertThat(summary.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(summary.problem()).isEqualTo(ImportSummary.ALL_ROWS_REJECTED);
        assertThat(imports.find(summary.importId()).orElseThrow().status()).isEqualTo(ImportStatus.FAILED);
        assertThat(imports.rejectedRows(summary.importId(), 10)).hasSize(2);
    }

    @Test
    void saysWhatIsInTheFileAndWhatWasAddedWhenAFileIsImportedAgain() throws IOException {
        Path file = write((HEADER + "R1,S1,MUG,2,2011-01-02 10:00:00,1.50,900070,France\n"
                + "R2,S2,CUP,1,2011-01-02 10:00:00,2.00,900071,France\n").getBytes(StandardCharsets.UTF_8));
        Path more = write((HEADER + "R1,S1,MUG,2,2011-01-02 10:00:00,1.50,900070,France\n"
                + "R2,S2,CUP,1,2011-01-02 10:00:00,2.00,900071,France\n"
                + "R3,S2,CUP,1,2011-01-03 10:00:00,2.00,900072,France\n").getBytes(StandardCharsets.UTF_8));

        ImportSummary first = importFile(file, false);
        ImportSummary again = importFile(file, false);
        ImportSummary third = importFile(more, false);

        assertThat(first).returns(2L, ImportSummary::invoices).returns(2L, ImportSummary::customers)
                .returns(2L, ImportSummary::invoicesAdded).returns(2L, ImportSummary::customersCreated);
        assertThat(again).returns(2L, ImportSummary::invoices).returns(2L, ImportSummary::customers)
                .returns(0L, ImportSummary::invoicesAdded).returns(0L, ImportSummary::customersCreated);
        assertThat(third).returns(3L, ImportSummary::invoices).returns(3L, ImportSummary::customers)
                .returns(1L, ImportSummary::invoicesAdded).returns(1L, ImportSummary::customersCreated);
    }

    @Test
    void readsARunRecordedBeforeNumberStylesAndReturnRulesAsItWasThen() {
        long id = jdbc.sql("""
                insert into purchase_import (store_id, file_name, file_sha256, mapping, status, started_at,
                                             heartbeat_at, summary)
                values (:s, 'old.csv', '', cast(:mapping as jsonb), 'COMPLETED', now(), now(), cast(:summary as jsonb))
                returning id""")
                .param("s", store)
                .param("mapping", """
                        {"delimiter":",","invoice":0,"date":4,"dateFormat":"yyyy-MM-dd HH:mm:ss","customer":6,"sku":1,
                         "description":2,"quantity":3,"unitPrice":5,"country":7}""")
                .param("summary", """
                        {"importId":1,"status":"COMPLETED","rowsRead":2,"rowsImported":2,"rowsSkipped":0,
                         "rowsRejected":0,"invoices":1,"customers":1,"cancellationRows":0,"returnLines":0,
                         "walkInRows":0,"totalAmount":3.00,"millis":5,"problem":null}""")
                .query(Long.class).single();

        ImportRun run = imports.find(id).orElseThrow();

        assertThat(run.summary().invoices()).isEqualTo(1);
        assertThat(run.summary().invoicesAdded()).isZero();
        ColumnMapping mapping = jdbc.sql("select mapping::text from purchase_import where id = :id").param("id", id)
                .query((rs, n) -> json.readValue(rs.getString(1), ColumnMapping.class)).single();
        assertThat(mapping.numberStyle()).isEqualTo(NumberStyle.PLAIN_POINT);
        assertThat(mapping.returns().invoicePrefix()).isEqualTo("C");
    }

    private BigDecimal purchaseTotal(String invoice) {
        return jdbc.sql("select total from purchase where store_id = :s and invoice_no = :i")
                .param("s", store).param("i", invoice).query(BigDecimal.class).single();
    }

    private ImportSummary importFile(Path file, ColumnMapping mapping) {
        return imports.importNow(new PurchaseImports.Request(store, file, file.getFileName().toString(), mapping,
                false, null));
    }

    private ImportSummary importFile(Path file, boolean allOrNothing) {
        return imports.importNow(new PurchaseImports.Request(store, file, file.getFileName().toString(),
                ColumnMapping.onlineRetail(), allOrNothing, null));
    }

    private Path write(byte[] content) throws IOException {
        Path file = Files.createTempFile(dir, "purchases", ".csv");
        Files.write(file, content);
        return file;
    }
}
