package org.ruleone.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruleone.service.CaseResolved;
import org.ruleone.service.ResolutionKind;
import org.ruleone.shared.Money;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * A CaseResolved left incomplete by a version that carried the cost as a bare number beside its currency is rewritten
 * by V113, so the resubmission reads it back as Money instead of failing for ever.
 */
@IntegrationTest
class CaseResolvedUpgradeTests {

    private static final Path MIGRATION =
            Path.of("src/main/resources/db/migration/V113__service_case_resolved_events_carry_money.sql");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventSerializer serializer;

    @Test
    void anIncompleteCaseResolvedOfTheOldShapeReadsBackWithItsCostAsMoney() throws Exception {
        UUID old = publication("""
                {"caseId":7,"storeId":1,"customerId":3,"associateId":4,"kind":"REFUND","cost":129.90,\
                "currency":"EUR","judgment":"Tires we never sold","resolvedAt":"2026-11-30T10:15:00Z"}""", false);
        UUID done = publication("""
                {"caseId":8,"storeId":1,"customerId":3,"associateId":4,"kind":"REFUND","cost":5.00,\
                "currency":"EUR","judgment":"old and done","resolvedAt":"2026-11-30T10:15:00Z"}""", true);

        jdbc.sql(Files.readString(MIGRATION)).update();

        CaseResolved event = (CaseResolved) serializer.deserialize(serialized(old), CaseResolved.class);
        assertThat(event.cost()).isEqualTo(Money.of(new BigDecimal("129.90"), "EUR"));
        assertThat(event.kind()).isEqualTo(ResolutionKind.REFUND);
        assertThat(event.judgment()).isEqualTo("Tires we never sold");
        assertThat(serialized(done)).as("completed publications are history and stay as written")
                .contains("\"cost\":5.00");
    }

    @Test
    void leavesAPublicationOfTheNewShapeAsItIs() throws Exception {
        CaseResolved event = new CaseResolved(9, 1, 3, 4, ResolutionKind.REFUND, Money.of("12.00", "PLN"),
                "a new one", java.time.Instant.parse("2026-12-01T09:00:00Z"));
        String json = serializer.serialize(event).toString();
        UUID id = publication(json, false);

        jdbc.sql(Files.readString(MIGRATION)).update();

        assertThat(serialized(id)).isEqualTo(json);
    }

    private UUID publication(String json, boolean completed) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
                                               completion_date, status)
                values (:id, 'upgrade-test', 'org.ruleone.service.CaseResolved', :json, now(),
                        case when :done then now() end, case when :done then 'COMPLETED' else 'FAILED' end)
                """).param("id", id).param("json", json).param("done", completed).update();
        return id;
    }

    private String serialized(UUID id) {
        return jdbc.sql("select serialized_event from event_publication where id = :id").param("id", id)
                .query(String.class).single();
    }
}
