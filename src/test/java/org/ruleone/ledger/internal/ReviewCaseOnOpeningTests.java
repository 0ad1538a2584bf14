package org.ruleone.ledger.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseDraft;
import org.ruleone.service.CaseOpened;
import org.ruleone.service.Channel;
import org.ruleone.shared.Language;
import org.ruleone.standards.StandardsTestSupport;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.MutableClock;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A case's review row is written with the case (ADR 0126), and one owed from before is written at the next start. */
@IntegrationTest
@Import(StandardsTestSupport.class)
class ReviewCaseOnOpeningTests {

    @Autowired MutableClock clock;
    @Autowired CaseDesk desk;
    @Autowired ClientBook book;
    @Autowired Organization organization;
    @Autowired TestPeople people;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcClient jdbc;
    @Autowired LedgerRecorder recorder;
    @Autowired EventSerializer serializer;

    long store;
    SignedInAssociate anna;
    long customer;

    @BeforeEach
    void aStore() {
        people.owner();
        store = StandardsTestSupport.storeClosedOnSunday(organization);
        anna = people.person(Role.ASSOCIATE, store);
        customer = StandardsTestSupport.client(book, store, "Hanna", "Kowalska");
        clock.set(Instant.parse("2026-11-24T10:00:00Z"));
    }

    long open(String subject) {
        return desk.open(new CaseDraft(store, customer, anna.id(), Channel.IN_STORE, subject, null, "Help please."),
                Optional.of(store));
    }

    String reviewed(long caseId) {
        return jdbc.sql("select subject from review_case where case_id = :id").param("id", caseId)
                .query(String.class).optional().orElse(null);
    }

    @Test
    void theReviewRowIsWrittenInTheOpeningsTransactionAndGoesWithItsRollback() {
        long kept = transaction.execute(s -> {
            long id = open("Snow tires");
            assertThat(reviewed(id)).as("before the commit").isEqualTo("Snow tires");
            return id;
        });
        long undone = transaction.execute(s -> {
            long id = open("Boots");
            s.setRollbackOnly();
            return id;
        });

        assertThat(reviewed(kept)).isEqualTo("Snow tires");
        assertThat(reviewed(undone)).isNull();
    }

    @Test
    void anOpeningStillOwedToTheLedgerWhenItRanAfterTheCommitIsWrittenAtTheNextStart() {
        long id = open("Snow tires");
        jdbc.sql("delete from review_case where case_id = :id").param("id", id).update();
        UUID publication = UUID.randomUUID();
        jdbc.sql("""
                        insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
                                                       status)
                        values (:id, :listener, 'org.ruleone.service.CaseOpened', :json, :at, 'FAILED')
                        """)
                .param("id", publication).param("listener", LedgerRecorder.OPENED_AFTER_COMMIT)
                .param("json", serializer.serialize(new CaseOpened(id, store, customer, anna.id(), Channel.IN_STORE,
                        "Snow tires", Language.EN, clock.instant())).toString())
                .param("at", Timestamp.from(clock.instant())).update();

        recorder.takeOverOpeningsOwed();
        recorder.takeOverOpeningsOwed();

        assertThat(reviewed(id)).isEqualTo("Snow tires");
        assertThat(jdbc.sql("select status from event_publication where id = :id").param("id", publication)
                .query(String.class).single()).isEqualTo("COMPLETED");
    }
}
