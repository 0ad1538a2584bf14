package org.ruleone.purchases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruleone.customers.ClientFigure;
import org.ruleone.customers.ClientFiguresSource;
import org.ruleone.customers.TimelineEntry;
import org.ruleone.customers.TimelineSource;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreDraft;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ClientPurchaseHistoryTests {

    @Autowired PurchaseImports imports;
    @Autowired Organization organization;
    @Autowired JdbcClient jdbc;
    @Autowired List<ClientFiguresSource> figureSources;
    @Autowired List<TimelineSource> timelineSources;
    @TempDir Path dir;

    @Test
    void showsSpendVisitsFrequencyAndReturnsOnTheClientPageInTheReadersLanguage() throws IOException {
        long store = organization.createStore(new StoreDraft("History " + System.nanoTime(), "", "FR",
                ZoneId.of("Europe/Paris"), Language.FR, List.of()));
        Path file = dir.resolve("h.csv");
        Files.writeString(file, "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + "H1,S1,MUG,2,2011-01-01 10:00:00,1000.00,920001,France\n"
                + "H1,S2,CUP,1,2011-01-01 10:00:00,5.50,920001,France\n"
                + "H2,S1,MUG,1,2011-01-11 10:00:00,1000.00,920001,France\n"
                + "CH3,S1,MUG,-1,2011-01-21 10:00:00,1000.00,920001,France\n", StandardCharsets.UTF_8);
        imports.importNow(new PurchaseImports.Request(store, file, "h.csv", ColumnMapping.onlineRetail(), false, null));
        long customer = jdbc.sql("select id from customer where store_id = :s and external_id = '920001'")
                .param("s", store).query(Long.class).single();

        List<ClientFigure> figures = figureSources.getFirst().figures(customer, Locale.FRENCH);
        // Other modules put their own entries on the timeline too: read this module's.
        List<TimelineEntry> timeline = timelineSources.stream()
                .filter(s -> s.getClass().getPackageName().startsWith("org.ruleone.purchases")).findFirst()
                .orElseThrow().timeline(customer, 10, Locale.ENGLISH);

        assertThat(figures).extracting(ClientFigure::labelKey).containsExactly("figures.lifetimeSpend",
                "figures.visits", "figures.lastVisit", "figures.visitFrequency", "figures.returns");
        assertThat(figures.get(0).value().replace('\u202f', ' ').replace('\u00a0', ' ')).isEqualTo("2 005,50");
        assertThat(figures.get(1).value()).isEqualTo("3");
        assertThat(figures.get(3).value()).isEqualTo("10 jours");
        assertThat(figures.get(4).value().replace('\u202f', ' ').replace('\u00a0', ' ')).isEqualTo("1 (1 000,00)");
        assertThat(timeline).extracting(TimelineEntry::kind)
                .containsExactly("timeline.return", "timeline.purchase", "timeline.purchase");
        assertThat(timeline.get(2).title()).isEqualTo("Invoice H1: 2,005.50");
        assertThat(timeline.get(2).detail()).isEqualTo("3 items");
    }
}
