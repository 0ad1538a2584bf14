package org.ruleone.standards;

import org.ruleone.support.MutableClock;
import org.ruleone.shared.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.organization.Organization;
import org.ruleone.platform.internal.EventResubmission;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseDraft;
import org.ruleone.service.CaseFact;
import org.ruleone.service.CaseFactsSource;
import org.ruleone.service.Channel;
import org.ruleone.service.Resolution;
import org.ruleone.service.ResolutionKind;
import org.ruleone.standards.internal.DueTimeKeeper;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.ruleone.telephony.CallLogged;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.ruleone.standards.StandardsTestSupport.WARSAW;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
@Import(StandardsTestSupport.class)
class ServiceStandardsIntegrationTests {

    @Autowired MutableClock clock;
    @Autowired CaseDesk desk;
    @Autowired ClientBook book;
    @Autowired Organization organization;
    @Autowired TestPeople people;
    @Autowired ServiceStandards standards;
    @Autowired DueTimeKeeper keeper;
    @Autowired List<CaseFactsSource> factSources;
    @Autowired ApplicationEvents events;
    @Autowired ApplicationEventPublisher publisher;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired EventResubmission resubmission;
    @Autowired org.springframework.modulith.events.core.EventSerializer serializer;

    long store;
    SignedInAssociate manager;
    SignedInAssociate associate;
    long customer;

    @BeforeEach
    void aStoreClosedOnSunday() {
        people.owner();
        store = StandardsTestSupport.storeClosedOnSunday(organization);
        manager = people.person(Role.MANAGER, store);
        associate = people.person(Role.ASSOCIATE, store);
        customer = StandardsTestSupport.client(book, store, "Hanna", "Kowalska");
        StoreStandards defaults = StoreStandards.defaults(store);
        standards.save(new StoreStandards(store, 2, List.of(
                new ChannelStandard(Channel.EMAIL, 120, 16 * 60), defaults.forChannel(Channel.IN_STORE),
                defaults.forChannel(Channel.PHONE), defaults.forChannel(Channel.WEB_FORM))));
    }

    static Instant warsaw(String local) {
        return LocalDateTime.parse(local).atZone(WARSAW).toInstant();
    }

    long openEmailCase(String localTime) {
        clock.set(warsaw(localTime));
        return desk.open(new CaseDraft(store, customer, associate.id(), Channel.EMAIL, "Broken zip", null,
                "The zip of my coat broke."), Optional.of(store));
    }

    /**
     * Runs the keeper's check and says how many breaches it recorded in this test's store: other tests sharing the
     * database (and this moved clock) may leave cases open elsewhere, whose breaches are none of this test's business.
     */
    int check() {
        long before = breachesInStore();
        transaction.execute(s -> keeper.check());
        return (int) (breachesInStore() - before);
    }

    long breachesInStore() {
        return jdbc.sql("select count(*) from standard_breach where store_id = :store").param("store", store)
                .query(Long.class).single();
    }

    List<CaseFact> facts(long caseId) {
        return factSources.stream().flatMap(s -> s.facts(caseId, Locale.ENGLISH).stream()).toList();
    }

    CaseFact fact(long caseId, String label) {
        return facts(caseId).stream().filter(f -> f.label().equals(label)).findFirst().orElseThrow();
    }

    long breachesOf(long caseId) {
        return events.stream(StandardBreached.class).filter(b -> Long.valueOf(caseId).equals(b.caseId())).count();
    }

    @Test
    void caseOpenedOnSaturdayEveningIsDueOnMondayAndItsMissedDueTimeIsOneBreach() {
        long id = openEmailCase("2026-11-21T17:30");

        assertThat(fact(id, "First response due").value()).startsWith("Nov 23, 2026, 11:30\u202fAM");

        clock.set(warsaw("2026-11-23T11:05"));
        assertThat(check()).isZero();
        assertThat(fact(id, "First response due").tone()).as("25 minutes left of 120").isEqualTo(CaseFact.Tone.WARNING);

        clock.set(warsaw("2026-11-23T11:31"));
        assertThat(check()).isEqualTo(1);
        assertThat(check()).as("a second check finds it recorded").isZero();
        assertThat(fact(id, "First response due").tone()).isEqualTo(CaseFact.Tone.ALERT);

        desk.reply(id, Optional.of(store), associate.id(), "Sorry for the wait, bring the coat in.", false);
        assertThat(breachesOf(id)).as("published once for the case and standard").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from standard_breach where case_id = :id and standard = 'FIRST_RESPONSE'")
                .param("id", id).query(Integer.class).single()).isEqualTo(1);
        StandardBreached breach = events.stream(StandardBreached.class).filter(b -> b.caseId() == id).findFirst()
                .orElseThrow();
        assertThat(breach.standard()).isEqualTo(Standard.FIRST_RESPONSE);
        assertThat(breach.dueAt()).isEqualTo(warsaw("2026-11-23T11:30"));
        assertThat(breach.associateId()).as("the case's owner had it").isEqualTo(associate.id());
    }

    @Test
    void replyInTimeMeetsTheFirstResponseAndLateResolutionIsABreachOfTheResolver() {
        long id = openEmailCase("2026-11-24T10:00");
        clock.set(warsaw("2026-11-24T11:00"));
        desk.reply(id, Optional.of(store), associate.id(), "We will fix it.", false);

        assertThat(fact(id, "First response due").tone()).isEqualTo(CaseFact.Tone.GOOD);
        assertThat(breachesOf(id)).isZero();

        // 16 business hours: two days of 8 hours, due Wednesday 18:00.
        clock.set(warsaw("2026-11-26T12:00"));
        desk.resolve(id, Optional.of(store), manager.id(), Resolution.of(ResolutionKind.GOODWILL,
                Money.of(new BigDecimal("20"), "PLN")), "A voucher for the trouble.");

        assertThat(events.stream(StandardBreached.class).filter(b -> b.caseId() == id).toList())
                .singleElement().satisfies(b -> {
                    assertThat(b.standard()).isEqualTo(Standard.RESOLUTION);
                    assertThat(b.associateId()).isEqualTo(manager.id());
                    assertThat(b.dueAt()).isEqualTo(warsaw("2026-11-25T18:00"));
                });
        assertThat(fact(id, "Resolution due").tone()).isEqualTo(CaseFact.Tone.ALERT);
    }

    @Test
    void replyWhoseEventIsStillPendingIsNoBreachAndARunningNodeCompletesIt() throws Exception {
        long id = openEmailCase("2026-11-24T10:00");
        clock.set(warsaw("2026-11-24T11:00"));
        desk.reply(id, Optional.of(store), associate.id(), "We will fix it.", false);
        theKeeperNeverHandledTheReply(id);

        clock.set(warsaw("2026-11-24T12:30"));
        assertThat(check()).as("the reply at 11:00 may still meet the 12:00 due time").isZero();
        assertThat(breachesOf(id)).isZero();

        assertThat(resubmission.resubmit()).isTrue();

        assertThat(jdbc.sql("select first_response_at from case_clock where case_id = :id").param("id", id)
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(warsaw("2026-11-24T11:00"));
        assertThat(pendingReplies(id)).isZero();
        assertThat(check()).isZero();
        assertThat(breachesOf(id)).isZero();
        assertThat(fact(id, "First response due").tone()).isEqualTo(CaseFact.Tone.GOOD);
        resolvedInTime(id);
    }

    @Test
    void onlyTheNodeHoldingTheLockResubmits() throws Exception {
        long id = openEmailCase("2026-11-24T10:00");
        clock.set(warsaw("2026-11-24T11:00"));
        desk.reply(id, Optional.of(store), associate.id(), "We will fix it.", false);
        theKeeperNeverHandledTheReply(id);
        clock.set(warsaw("2026-11-24T11:30"));

        Boolean resubmitted = transaction.execute(s -> {
            jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", EventResubmission.LOCK)
                    .query((rs, n) -> 1).single();
            try {
                return resubmission.resubmit();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(resubmitted).as("another node is resubmitting").isFalse();
        assertThat(pendingReplies(id)).isEqualTo(1);
        assertThat(resubmission.resubmit()).isTrue();
        assertThat(pendingReplies(id)).isZero();
        resolvedInTime(id);
    }

    @Test
    void aResubmissionThatDiedWithItsNodeIsRetried() throws Exception {
        long id = openEmailCase("2026-11-24T10:00");
        clock.set(warsaw("2026-11-24T11:00"));
        desk.reply(id, Optional.of(store), associate.id(), "We will fix it.", false);
        theKeeperNeverHandledTheReply(id);
        jdbc.sql("""
                        update event_publication set status = 'RESUBMITTED', last_resubmission_date = :at
                         where completion_date is null and cast(serialized_event as jsonb) ->> 'caseId' = :id
                        """)
                .param("at", java.sql.Timestamp.from(warsaw("2026-11-24T11:05"))).param("id", String.valueOf(id))
                .update();

        clock.set(warsaw("2026-11-24T11:10"));
        assertThat(resubmission.resubmit()).isTrue();
        assertThat(pendingReplies(id)).as("another node may still be resubmitting it").isEqualTo(1);

        clock.set(warsaw("2026-11-24T11:30"));
        assertThat(resubmission.resubmit()).isTrue();
        assertThat(pendingReplies(id)).isZero();
        assertThat(fact(id, "First response due").tone()).isEqualTo(CaseFact.Tone.GOOD);
        resolvedInTime(id);
    }

    /** Leaves no open case behind for the checks of other tests, which see every case. */
    void resolvedInTime(long caseId) {
        desk.resolve(caseId, Optional.of(store), manager.id(), Resolution.of(ResolutionKind.GOODWILL,
                Money.of(new BigDecimal("5"), "PLN")), "A coffee for the wait.");
    }

    /** The database went away after the reply was stored and before the keeper recorded it. */
    void theKeeperNeverHandledTheReply(long caseId) {
        jdbc.sql("update case_clock set first_response_at = null, first_responder_id = null where case_id = :id")
                .param("id", caseId).update();
        int left = jdbc.sql("""
                        update event_publication set completion_date = null, status = 'PROCESSING'
                         where listener_id like 'org.ruleone.standards.internal.DueTimeKeeper.on(org.ruleone.service.CaseReplied%'
                           and cast(serialized_event as jsonb) ->> 'caseId' = :id
                        """)
                .param("id", String.valueOf(caseId)).update();
        assertThat(left).as("the keeper's publication of the reply").isEqualTo(1);
    }

    int pendingReplies(long caseId) {
        return jdbc.sql("""
                        select count(*) from event_publication
                         where completion_date is null and cast(serialized_event as jsonb) ->> 'caseId' = :id
                        """)
                .param("id", String.valueOf(caseId)).query(Integer.class).single();
    }

    @Test
    void theOpeningsTransactionWritesTheDueTimesAndTheRegistryKeepsNothingForIt() {
        clock.set(warsaw("2026-11-21T17:30"));
        long id = transaction.execute(s -> {
            long opened = desk.open(new CaseDraft(store, customer, associate.id(), Channel.EMAIL, "Broken zip", null,
                    "The zip of my coat broke."), Optional.of(store));
            assertThat(clockRows(opened)).as("before the commit, in the opening's transaction").isEqualTo(1);
            return opened;
        });

        assertThat(fact(id, "First response due").value()).startsWith("Nov 23, 2026, 11:30\u202fAM");
        assertThat(jdbc.sql("""
                        select count(*) from event_publication
                         where event_type like '%CaseOpened' and cast(serialized_event as jsonb) ->> 'caseId' = :id
                        """)
                .param("id", String.valueOf(id)).query(Integer.class).single()).isZero();
        resolvedInTime(id);
    }

    @Test
    void anOpeningThatRollsBackLeavesNoDueTimes() {
        clock.set(warsaw("2026-11-24T10:00"));
        long id = transaction.execute(s -> {
            long opened = desk.open(new CaseDraft(store, customer, associate.id(), Channel.EMAIL, "Broken zip", null,
                    "The zip of my coat broke."), Optional.of(store));
            s.setRollbackOnly();
            return opened;
        });

        assertThat(clockRows(id)).isZero();
        assertThat(desk.find(id, Optional.of(store))).isEmpty();
    }

    @Test
    void anOpeningPublishedBeforeClocksWereWrittenInItsTransactionGetsItsClockAtTheNextStart() {
        long id = openEmailCase("2026-11-21T17:30");
        jdbc.sql("delete from case_clock where case_id = :id").param("id", id).update();
        java.util.UUID publication = java.util.UUID.randomUUID();
        // As the registry wrote it when the keeper ran after the commit, and the process stopped before it did.
        jdbc.sql("""
                        insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
                                                       status)
                        values (:id, :listener, 'org.ruleone.service.CaseOpened', :json, :at, 'PROCESSING')
                        """)
                .param("id", publication).param("listener", DueTimeKeeper.OPENED_AFTER_COMMIT)
                .param("json", serializer.serialize(new org.ruleone.service.CaseOpened(id, store, customer,
                        associate.id(), Channel.EMAIL, "Broken zip", org.ruleone.shared.Language.EN,
                        warsaw("2026-11-21T17:30"))).toString())
                .param("at", java.sql.Timestamp.from(warsaw("2026-11-21T17:30"))).update();
        clock.set(warsaw("2026-11-23T12:00"));

        keeper.takeOverOpeningsOwed();

        assertThat(clockRows(id)).isEqualTo(1);
        assertThat(fact(id, "First response due").value()).contains("due Nov 23, 2026, 11:30\u202fAM");
        assertThat(jdbc.sql("select completion_date is not null from event_publication where id = :id")
                .param("id", publication).query(Boolean.class).single()).isTrue();
        assertThat(check()).as("the missed first response, now that the clock exists").isEqualTo(1);
        resolvedInTime(id);
    }

    int clockRows(long caseId) {
        return jdbc.sql("select count(*) from case_clock where case_id = :id").param("id", caseId)
                .query(Integer.class).single();
    }

    @Test
    void waitingOnTheCustomerStopsTheResolutionClock() {
        long id = openEmailCase("2026-11-24T10:00");
        clock.set(warsaw("2026-11-24T11:00"));
        desk.reply(id, Optional.of(store), associate.id(), "Which size do you need?", true);

        // Due Wednesday 18:00 without the wait; the customer answers a week later.
        clock.set(warsaw("2026-12-01T11:00"));
        assertThat(check()).as("no breach while waiting").isZero();
        desk.customerWrote(id, "Size M please.");

        assertThat(fact(id, "Resolution due").value()).as("15 business hours were left when the wait began")
                .startsWith("Dec 2, 2026, 6:00\u202fPM");
        clock.set(warsaw("2026-12-02T17:00"));
        assertThat(check()).isZero();
        assertThat(breachesOf(id)).isZero();
    }

    @Test
    void phoneAnsweredAfterTooManyRingsOrMissedIsABreachOnce() {
        Instant at = warsaw("2026-11-24T12:00");
        CallLogged late = new CallLogged(9_001L + store * 10, store, customer, null, associate.id(), at, 4, 20,
                "ANSWERED");
        CallLogged missed = new CallLogged(9_002L + store * 10, store, customer, null, null, at, null, null, "MISSED");
        CallLogged quick = new CallLogged(9_003L + store * 10, store, customer, null, associate.id(), at, 2, 8,
                "ANSWERED");
        transaction.executeWithoutResult(s -> {
            publisher.publishEvent(late);
            publisher.publishEvent(missed);
            publisher.publishEvent(quick);
        });
        transaction.executeWithoutResult(s -> publisher.publishEvent(late));

        assertThat(events.stream(StandardBreached.class).filter(b -> b.storeId() == store).toList())
                .extracting(StandardBreached::callId, StandardBreached::standard)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(late.callId(), Standard.PHONE_ANSWER),
                        org.assertj.core.groups.Tuple.tuple(missed.callId(), Standard.PHONE_ANSWER));
    }

    @Test
    void managerSetsTheStandardsAndAMistakeLosesNothingTyped() throws Exception {
        mvc.perform(post("/service/reports/standards").with(user(manager)).with(csrf())
                        .param("store", String.valueOf(store)).param("rings", "3")
                        .param("first.EMAIL", "abc").param("firstUnit.EMAIL", "HOURS")
                        .param("resolution.EMAIL", "2").param("resolutionUnit.EMAIL", "HOURS")
                        .param("first.PHONE", "17").param("firstUnit.PHONE", "MINUTES"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Enter a whole number greater than zero."),
                        containsString("value=\"abc\""), containsString("value=\"17\""))));
        assertThat(standards.of(store).maxRings()).as("nothing saved").isEqualTo(2);

        var form = post("/service/reports/standards").with(user(manager)).with(csrf())
                .param("store", String.valueOf(store)).param("rings", "3");
        for (Channel c : Channel.values()) {
            form.param("first." + c, "45").param("firstUnit." + c, "MINUTES")
                    .param("resolution." + c, "6").param("resolutionUnit." + c, "HOURS");
        }
        mvc.perform(form).andExpect(status().is3xxRedirection());

        StoreStandards saved = standards.of(store);
        assertThat(saved.maxRings()).isEqualTo(3);
        assertThat(saved.forChannel(Channel.WEB_FORM)).isEqualTo(new ChannelStandard(Channel.WEB_FORM, 45, 360));
    }

    @Test
    void anotherStoresStandardsAndListsAreNotFoundForAManager() throws Exception {
        long other = StandardsTestSupport.storeClosedOnSunday(organization);
        mvc.perform(get("/service/reports/standards").param("store", String.valueOf(other)).with(user(manager)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/service/reports/due").param("store", String.valueOf(other)).with(user(manager)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/service/reports").with(user(associate))).andExpect(status().isForbidden());
    }

    @Test
    void atRiskAndBreachedListsLinkToTheCasesAndFiguresCountThem() throws Exception {
        long late = openEmailCase("2026-11-24T10:00");
        long risky = openEmailCase("2026-11-24T11:00");
        clock.set(warsaw("2026-11-24T12:31"));
        check();

        mvc.perform(get("/service/reports/due").with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("href=\"/cases/" + late + "\""), containsString("href=\"/cases/" + risky + "\""),
                        containsString("Hanna Kowalska"), containsString("Overdue by 31 min"),
                        containsString("29 min left"))));

        desk.reply(late, Optional.of(store), associate.id(), "Here is the answer.", false);
        desk.reply(risky, Optional.of(store), associate.id(), "Here is the answer.", false);
        mvc.perform(get("/service/reports/figures").with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("50% (1 of 2)"), containsString("data-chart="),
                        containsString("Test ASSOCIATE"), not(containsString("Nothing to count yet")))));
    }
}
