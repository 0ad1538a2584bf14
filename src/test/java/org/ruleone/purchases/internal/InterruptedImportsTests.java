package org.ruleone.purchases.internal;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreDraft;
import org.ruleone.purchases.ColumnMapping;
import org.ruleone.purchases.ImportStatus;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class InterruptedImportsTests {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired JsonMapper json;
    @Autowired Organization organization;

    @Test
    void marksRunningImportWhoseProcessIsGoneAsInterruptedAndLeavesLiveOnesRunning() throws Exception {
        long store = organization.createStore(new StoreDraft("Interrupted " + System.nanoTime(), "", "GB",
                ZoneId.of("Europe/London"), Language.EN, List.of()));
        ImportRuns runs = new ImportRuns(jdbc, Clock.fixed(NOW, ZoneOffset.UTC), json);
        long dead = runs.create(store, "dead.csv", "/tmp/dead.csv", 10, ColumnMapping.onlineRetail(), false, null);
        long alive = runs.create(store, "alive.csv", "/tmp/alive.csv", 10, ColumnMapping.onlineRetail(), false, null);
        long starting = runs.create(store, "new.csv", "/tmp/new.csv", 10, ColumnMapping.onlineRetail(), false, null);
        heartbeatAt(dead, NOW.minus(ImportRuns.LOCK_GRACE).minusSeconds(1));
        heartbeatAt(alive, NOW.minus(ImportRuns.LOCK_GRACE).minusSeconds(60));
        heartbeatAt(starting, NOW.minusSeconds(2));

        int marked;
        // The live import's own transaction, on another connection, holds its lock however old its heartbeat.
        try (Connection importing = dataSource.getConnection()) {
            importing.setAutoCommit(false);
            importing.createStatement().execute("select pg_advisory_xact_lock(" + ImportRuns.RUN_LOCK + ", " + alive + ")");
            marked = runs.markStaleAsInterrupted();
            importing.rollback();
        }

        assertThat(marked).isEqualTo(1);
        assertThat(runs.find(starting).orElseThrow().status()).as("within the grace period").isEqualTo(ImportStatus.RUNNING);
        assertThat(runs.find(dead).orElseThrow().status()).isEqualTo(ImportStatus.INTERRUPTED);
        assertThat(runs.find(dead).orElseThrow().status().resumable()).isTrue();
        assertThat(runs.find(alive).orElseThrow().status()).isEqualTo(ImportStatus.RUNNING);
        assertThat(runs.claimForResume(dead)).isTrue();
        assertThat(runs.claimForResume(dead)).as("a run is resumed once").isFalse();
    }

    private void heartbeatAt(long id, Instant at) {
        jdbc.sql("update purchase_import set heartbeat_at = :at where id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }
}
