package org.ruleone.purchases.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreDraft;
import org.ruleone.platform.NumberStyle;
import org.ruleone.purchases.ColumnMapping;
import org.ruleone.purchases.PurchaseImports;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ImportCommandTests {

    @Autowired ImportCommand command;
    @Autowired Organization organization;
    @Autowired JdbcClient jdbc;
    @Autowired PurchaseImports imports;
    @TempDir Path dir;

    @Test
    void importsFromTheShellIntoTheNamedStoreAndExitsWithZero() throws IOException {
        String name = "Shell " + System.nanoTime();
        long store = organization.createStore(new StoreDraft(name, "", "GB", ZoneId.of("Europe/London"), Language.EN,
                List.of()));
        Path file = dir.resolve("shell.csv");
        Files.writeString(file, "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + "K1,S1,MUG,2,2011-01-01 10:00:00,1.00,930001,France\n", StandardCharsets.UTF_8);

        command.run(new DefaultApplicationArguments("import", "--file=" + file, "--store=" + name));

        assertThat(command.getExitCode()).isZero();
        assertThat(jdbc.sql("select count(*) from purchase where store_id = :s").param("s", store)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void exitsWithTwoForAnUnknownStore() {
        command.run(new DefaultApplicationArguments("import", "--file=pom.xml", "--store=No such store"));

        assertThat(command.getExitCode()).isEqualTo(2);
    }

    @Test
    void exitsWithOneWhenAnAllOrNothingImportMeetsABadRow() throws IOException {
        String name = "Shell bad " + System.nanoTime();
        organization.createStore(new StoreDraft(name, "", "GB", ZoneId.of("Europe/London"), Language.EN, List.of()));
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + "K2,S1,MUG,many,2011-01-01 10:00:00,1.00,930002,France\n", StandardCharsets.UTF_8);

        command.run(new DefaultApplicationArguments("import", "--file=" + file, "--store=" + name,
                "--preset=online-retail", "--all-or-nothing"));

        assertThat(command.getExitCode()).isEqualTo(1);
    }

    @Test
    void exitsWithOneWhenEveryRowIsRejectedSoThatACronJobNotices() throws IOException {
        String name = "Shell wrong " + System.nanoTime();
        organization.createStore(new StoreDraft(name, "", "GB", ZoneId.of("Europe/London"), Language.EN, List.of()));
        Path file = dir.resolve("wrong.csv");
        Files.writeString(file, "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + "K3,S1,MUG,2,01/01/2011 10:00,1.00,930003,France\n"
                + "K4,S1,MUG,2,01/01/2011 11:00,1.00,930003,France\n", StandardCharsets.UTF_8);

        command.run(new DefaultApplicationArguments("import", "--file=" + file, "--store=" + name));

        assertThat(command.getExitCode()).isEqualTo(1);
    }

    @Test
    void importsALayoutNoPresetKnowsWithAMappingFile() throws IOException {
        String name = "Shell mapped " + System.nanoTime();
        long store = organization.createStore(new StoreDraft(name, "", "GB", ZoneId.of("Europe/London"), Language.EN,
                List.of()));
        Path file = dir.resolve("shop.csv");
        Files.writeString(file, "Bestellung;Datum;Kunde;Artikel;Preis\n"
                + "WS1;02.01.2011;940001;Tasse;2.350,00\n"
                + "WS1;02.01.2011;940001;Teller;1.300\n", StandardCharsets.UTF_8);
        Path mapping = dir.resolve("shop.properties");
        Files.writeString(mapping, """
                invoice=Bestellung
                date=Datum
                dateFormat=dd.MM.yyyy
                customer=kunde
                description=4
                unitPrice=Preis
                numbers=1.234,56
                """, StandardCharsets.UTF_8);

        command.run(new DefaultApplicationArguments("import", "--file=" + file, "--store=" + name,
                "--mapping-file=" + mapping));

        assertThat(command.getExitCode()).isZero();
        assertThat(jdbc.sql("select total from purchase where store_id = :s and invoice_no = 'WS1'").param("s", store)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("3650.00");
    }

    @Test
    void reusesTheColumnsOfAnImportMappedInTheBrowser() throws IOException {
        String name = "Shell again " + System.nanoTime();
        long store = organization.createStore(new StoreDraft(name, "", "GB", ZoneId.of("Europe/London"), Language.EN,
                List.of()));
        Path first = dir.resolve("monday.csv");
        Files.writeString(first, "Order,Day,Price\nMO1,2011-01-03,2.50\n", StandardCharsets.UTF_8);
        Path second = dir.resolve("tuesday.csv");
        Files.writeString(second, "Order,Day,Price\nTU1,2011-01-04,4.50\n", StandardCharsets.UTF_8);
        long mapped = imports.importNow(new PurchaseImports.Request(store, first, "monday.csv",
                new ColumnMapping(',', 0, 1, "yyyy-MM-dd", -1, -1, -1, -1, 2, -1, NumberStyle.PLAIN_POINT,
                        ColumnMapping.Returns.none()), false, null)).importId();

        command.run(new DefaultApplicationArguments("import", "--file=" + second, "--store=" + name,
                "--mapping-of=" + mapped));

        assertThat(command.getExitCode()).isZero();
        assertThat(jdbc.sql("select count(*) from purchase where store_id = :s").param("s", store)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void exitsWithTwoForAMappingFileNamingAColumnTheFileLacks() throws IOException {
        String name = "Shell typo " + System.nanoTime();
        organization.createStore(new StoreDraft(name, "", "GB", ZoneId.of("Europe/London"), Language.EN, List.of()));
        Path file = dir.resolve("typo.csv");
        Files.writeString(file, "Order,Day,Price\nTY1,2011-01-03,2.50\n", StandardCharsets.UTF_8);
        Path mapping = dir.resolve("typo.properties");
        Files.writeString(mapping, "invoice=Order\ndate=Date\ndateFormat=yyyy-MM-dd\nunitPrice=Price\n");

        command.run(new DefaultApplicationArguments("import", "--file=" + file, "--store=" + name,
                "--mapping-file=" + mapping));

        assertThat(command.getExitCode()).isEqualTo(2);
    }
}
