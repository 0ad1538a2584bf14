package org.ruleone.experience;

import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruleone.organization.AssociateDraft;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.CsvEncoding;
import org.ruleone.platform.RejectedRow;
import org.ruleone.purchases.TillPurchase;
import org.ruleone.purchases.TillPurchases;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/** Past survey results from the messy exports the issue names, checked value by value as stored. */
@IntegrationTest
@RecordApplicationEvents
class SurveyImportTests {

    @Autowired SurveyImports imports;
    @Autowired TestPeople people;
    @Autowired Organization organization;
    @Autowired TillPurchases tills;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    static Path fixture(String name) {
        try {
            return Path.of(SurveyImportTests.class.getResource("/experience/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One stored answer, as text: when, client, associate, come-back, satisfaction, comment, invoice, external id. */
    record Stored(Instant answeredAt, Long customerId, Long associateId, Integer comeBack, Integer satisfaction,
                  String comment, String invoice, String externalId, String channel, boolean complete) {
    }

    private List<Stored> stored(long importId) {
        return jdbc.sql("""
                select answered_at, customer_id, associate_id, come_back, satisfaction, comment, invoice, external_id,
                       channel, complete
                  from survey_answer where import_id = :id order by answered_at, id
                """).param("id", importId)
                .query((rs, n) -> new Stored(rs.getTimestamp(1).toInstant(), (Long) rs.getObject(2),
                        (Long) rs.getObject(3), (Integer) rs.getObject(4), (Integer) rs.getObject(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getBoolean(10)))
                .list();
    }

    private Long clientByEmail(long store, String email) {
        return jdbc.sql("select id from customer where store_id = :s and lower(email) = :e")
                .param("s", store).param("e", email).query(Long.class).single();
    }

    private Long clientByNumber(long store, String number) {
        return jdbc.sql("select id from customer where store_id = :s and external_id = :n")
                .param("s", store).param("n", number).query(Long.class).single();
    }

    @Test
    void importsASemicolonBomPrefixedWindows1252FileWithDayFirstDatesValueByValue() throws Exception {
        long store = people.store("Survey import 1252 " + UUID.randomUUID());
        SignedInAssociate manager = people.person(Role.MANAGER, store);
        organization.createAssociate(new AssociateDraft("Hélène Fèvre", "helene-" + UUID.randomUUID() + "@example.com",
                Role.ASSOCIATE, store, null, Language.FR), TestPeople.PASSWORD);
        long helene = organization.associates(Optional.of(store)).stream()
                .filter(a -> a.name().equals("Hélène Fèvre")).findFirst().orElseThrow().id();
        Path file = fixture("survey-windows-1252-bom.csv");

        SurveyFilePreview preview = SurveyImports.preview(file, Optional.empty());
        assertThat(preview.suggested().encoding()).isEqualTo(CsvEncoding.WINDOWS_1252);
        assertThat(preview.suggested().delimiter()).isEqualTo(';');
        assertThat(preview.suggested().dateFormat()).isEqualTo("d.M.yyyy HH:mm");
        assertThat(preview.header()).containsExactly("Date", "Client", "Associate", "Score", "Comment", "Response ID");
        assertThat(preview.rows().getFirst().get(4)).isEqualTo("Très bien reçue – merci « Hélène » !");
        assertThat(preview.suggested().columns()).containsEntry(SurveyColumn.DATE, 0)
                .containsEntry(SurveyColumn.CLIENT, 1).containsEntry(SurveyColumn.ASSOCIATE, 2)
                .containsEntry(SurveyColumn.SCORE, 3).containsEntry(SurveyColumn.COMMENT, 4)
                .containsEntry(SurveyColumn.EXTERNAL_ID, 5);
        assertThat(preview.suggested().scoreScale()).isEqualTo(AnswerScale.COME_BACK_0_10);

        SurveyImportRun run = imports.importNow(new SurveyImports.Request(store, file, "export.csv",
                preview.suggested(), manager.id()));

        assertThat(run.status()).isEqualTo(SurveyImportStatus.COMPLETED);
        assertThat(run.rowsRead()).isEqualTo(6);
        assertThat(run.rowsImported()).isEqualTo(3);
        assertThat(run.rowsRejected()).isEqualTo(3);
        assertThat(stored(run.id())).containsExactly(
                new Stored(Instant.parse("2023-12-31T17:45:00Z"), clientByEmail(store, "anne.dupont@example.com"),
                        helene, 10, null, "Très bien reçue – merci « Hélène » !", null, "R-1", "IMPORT", true),
                new Stored(Instant.parse("2024-01-02T08:05:00Z"), null, helene, 6, null,
                        "Attente trop longue… dommage", null, "R-2", "IMPORT", true),
                new Stored(Instant.parse("2024-01-15T11:00:00Z"), clientByNumber(store, "910001"), null, 9, null,
                        null, null, "R-3", "IMPORT", true));
        assertThat(imports.rejectedRows(run.id(), 10)).extracting(RejectedRow::lineNo, RejectedRow::reason,
                        RejectedRow::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5L, "BAD_SCORE", "Score: 11"),
                        org.assertj.core.groups.Tuple.tuple(6L, "BAD_DATE", "Date: 32.01.2024 12:00"),
                        org.assertj.core.groups.Tuple.tuple(7L, "UNKNOWN_ASSOCIATE", "Associate: Personne Inconnue"));
        assertThat(events.stream(SurveyAnswered.class)).isEmpty();
    }

    @Test
    void importingTheSameFileAgainAddsNothing() throws Exception {
        long store = people.store("Survey import again " + UUID.randomUUID());
        SignedInAssociate manager = people.person(Role.MANAGER, store);
        Path file = fixture("survey-stars.csv");
        SurveyImportMapping mapping = SurveyImports.preview(file, Optional.empty()).suggested();

        SurveyImportRun first = imports.importNow(new SurveyImports.Request(store, file, "a.csv", mapping,
                manager.id()));
        SurveyImportRun second = imports.importNow(new SurveyImports.Request(store, file, "a.csv", mapping,
                manager.id()));

        assertThat(first.rowsImported()).isEqualTo(3);
        assertThat(second.rowsImported()).isZero();
        assertThat(second.rowsSkipped()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from survey_answer where store_id = :s").param("s", store)
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void readsOneToFiveStarsAsSatisfaction() throws Exception {
        long store = people.store("Survey import stars " + UUID.randomUUID());
        SignedInAssociate manager = people.person(Role.MANAGER, store);
        Path file = fixture("survey-stars.csv");
        SurveyImportMapping mapping = SurveyImports.preview(file, Optional.empty()).suggested();
        assertThat(mapping.encoding()).isEqualTo(CsvEncoding.UTF_8);
        assertThat(mapping.columns()).containsEntry(SurveyColumn.EXTERNAL_ID, 0).containsEntry(SurveyColumn.DATE, 1)
                .containsEntry(SurveyColumn.SATISFACTION, 2).containsEntry(SurveyColumn.COMMENT, 3);
        assertThat(mapping.satisfactionScale()).isEqualTo(AnswerScale.SATISFACTION_1_5);

        SurveyImportRun run = imports.importNow(new SurveyImports.Request(store, file, "reviews.csv", mapping,
                manager.id()));

        assertThat(stored(run.id())).extracting(Stored::externalId, Stored::comeBack, Stored::satisfaction,
                        Stored::comment, Stored::answeredAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("G-1", null, 5, "Lovely shop, \"great\" service",
                                Instant.parse("2024-01-31T23:00:00Z")),
                        org.assertj.core.groups.Tuple.tuple("G-2", null, 1, "Never again",
                                Instant.parse("2024-02-01T23:00:00Z")),
                        org.assertj.core.groups.Tuple.tuple("G-3", null, 4, "Nice",
                                Instant.parse("2024-02-02T23:00:00Z")));
        assertThat(imports.rejectedRows(run.id(), 10)).extracting(RejectedRow::lineNo, RejectedRow::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5L, "BAD_SATISFACTION"));
    }

    @Test
    void importsAnIso88592PolishFileKeepingToTheStoresTheManagerMayActIn() throws Exception {
        long store = people.store("Sklep Łódź");
        long other = people.store("Sklep Kraków Obcy");
        SignedInAssociate manager = people.person(Role.MANAGER, store);
        Path file = fixture("survey-iso-8859-2.csv");
        SurveyImportMapping mapping = SurveyImports.preview(file, Optional.empty()).suggested();
        assertThat(mapping.encoding()).isEqualTo(CsvEncoding.ISO_8859_2);
        assertThat(mapping.delimiter()).isEqualTo(',');
        assertThat(mapping.dateFormat()).isEqualTo("yyyy-MM-dd HH:mm");
        assertThat(mapping.columns()).containsEntry(SurveyColumn.STORE, 2).containsEntry(SurveyColumn.SCORE, 3);

        SurveyImportRun run = imports.importNow(new SurveyImports.Request(store, file, "ankiety.csv", mapping,
                manager.id()));

        assertThat(stored(run.id())).extracting(Stored::customerId, Stored::comeBack, Stored::comment,
                        Stored::answeredAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(clientByEmail(store, "zofia.zolkiewska@example.com"), 3,
                                "Obsługa była niemiła, źle doradzono", Instant.parse("2024-03-05T09:15:00Z")),
                        org.assertj.core.groups.Tuple.tuple(null, 10, "Świetna obsługa! Dziękuję pięknie",
                                Instant.parse("2024-03-06T10:00:00Z")));
        assertThat(jdbc.sql("select count(*) from survey_answer where import_id = :id and store_id = :s")
                .param("id", run.id()).param("s", store).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from survey_answer where store_id = :s").param("s", other)
                .query(Long.class).single()).isZero();
        assertThat(imports.rejectedRows(run.id(), 10)).extracting(RejectedRow::lineNo, RejectedRow::reason,
                        RejectedRow::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4L, "STORE_OUT_OF_SCOPE", "Sklep: Sklep Kraków Obcy"),
                        org.assertj.core.groups.Tuple.tuple(5L, "UNKNOWN_STORE", "Sklep: Sklep Nieistniejący"));
    }

    @Test
    void readsATabFileStretchingOneToTenScoresAndTyingAnswersToTheStoresInvoices() throws Exception {
        long store = people.store("Survey import tab " + UUID.randomUUID());
        SignedInAssociate manager = people.person(Role.MANAGER, store);
        tills.record(new TillPurchase(store, "INV-1", Instant.parse("2023-12-30T10:00:00Z"), "CUST-77", "PL",
                List.of(new TillPurchase.Line("S1", "Scarf", 1, new BigDecimal("30.00")))));
        long buyer = clientByNumber(store, "CUST-77");
        Path file = fixture("survey-tab.csv");
        SurveyImportMapping detected = SurveyImports.preview(file, Optional.empty()).suggested();
        assertThat(detected.delimiter()).isEqualTo('\t');
        assertThat(detected.dateFormat()).isEqualTo("d/M/yyyy");
        assertThat(detected.satisfactionScale()).isEqualTo(AnswerScale.SATISFACTION_1_10);
        SurveyImportMapping mapping = new SurveyImportMapping(detected.encoding(), detected.delimiter(),
                detected.columns(), detected.dateFormat(), AnswerScale.COME_BACK_1_10, AnswerScale.SATISFACTION_1_10);

        SurveyImportRun run = imports.importNow(new SurveyImports.Request(store, file, "tab.tsv", mapping,
                manager.id()));
        SurveyImportRun again = imports.importNow(new SurveyImports.Request(store, file, "tab.tsv", mapping,
                manager.id()));

        assertThat(stored(run.id())).extracting(Stored::customerId, Stored::comeBack, Stored::satisfaction,
                        Stored::invoice, Stored::comment)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(buyer, 0, 5, "INV-1", "ok"),
                        org.assertj.core.groups.Tuple.tuple(null, 6, 2, "INV-404", null),
                        org.assertj.core.groups.Tuple.tuple(null, 10, 1, null, "super"),
                        org.assertj.core.groups.Tuple.tuple(null, 10, 1, null, "super"));
        assertThat(run.invoicesTied()).isEqualTo(1);
        assertThat(run.invoicesUnknown()).isEqualTo(1);
        assertThat(again.rowsImported()).isZero();
        assertThat(again.rowsSkipped()).isEqualTo(4);
    }

    @Test
    void creditsOnlyTheRowsStoresPeopleAndKeepsAnAssociateOfAnotherStoreOut(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        long store = people.store("Survey import people " + UUID.randomUUID());
        long other = people.store("Survey import other people " + UUID.randomUUID());
        SignedInAssociate manager = people.person(Role.MANAGER, store);
        SignedInAssociate mine = people.person(Role.ASSOCIATE, store);
        SignedInAssociate theirs = people.person(Role.ASSOCIATE, other);
        Path file = dir.resolve("people.csv");
        java.nio.file.Files.writeString(file, "Date,Agent,NPS,ID\n2024-01-05,%s,9,A\n2024-01-06,%s,9,B\n"
                .formatted(mine.email(), theirs.email()));
        SurveyImportMapping mapping = SurveyImports.preview(file, Optional.empty()).suggested();

        SurveyImportRun run = imports.importNow(new SurveyImports.Request(store, file, "people.csv", mapping,
                manager.id()));

        assertThat(stored(run.id())).extracting(Stored::externalId, Stored::associateId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", mine.id()));
        assertThat(imports.rejectedRows(run.id(), 10)).extracting(RejectedRow::lineNo, RejectedRow::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "UNKNOWN_ASSOCIATE"));
    }

    @Test
    void showsARunWhoseProcessDiedAsInterrupted() {
        long store = people.store("Survey import died " + UUID.randomUUID());
        long id = jdbc.sql("""
                insert into survey_import (store_id, file_name, mapping, status, started_at, heartbeat_at)
                values (:s, 'died.csv', '{}', 'RUNNING', now() - interval '1 hour', now() - interval '10 minutes')
                returning id
                """).param("s", store).query(Long.class).single();

        assertThat(imports.find(id).orElseThrow().status()).isEqualTo(SurveyImportStatus.INTERRUPTED);
        assertThat(imports.find(id).orElseThrow().status().finished()).isTrue();
    }
}
