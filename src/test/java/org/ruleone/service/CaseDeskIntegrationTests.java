package org.ruleone.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.PostalAddress;
import org.ruleone.customers.TimelineEntry;
import org.ruleone.customers.TimelineSource;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.ruleone.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@IntegrationTest
@RecordApplicationEvents
class CaseDeskIntegrationTests {

    @Autowired CaseDesk desk;
    @Autowired ClientBook book;
    @Autowired TestPeople people;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;
    @Autowired List<TimelineSource> timelineSources;
    @Autowired ServiceCases cases;

    long store() {
        return people.store("Store " + UUID.randomUUID());
    }

    long client(long store, Language language) {
        return book.add(new ClientDraft(store, null, "Hank", "Tires", null, "+1 206 555 0100", PostalAddress.NONE,
                language, "", List.of(), List.of(), "", null));
    }

    @Test
    void storesACaseFromOpeningToResolutionAndAnnouncesTheResolution() {
        long store = store();
        SignedInAssociate newHire = people.person(Role.ASSOCIATE, store);
        long customer = client(store, Language.FR);

        long id = desk.open(new CaseDraft(store, customer, newHire.id(), Channel.IN_STORE, "Snow tires", null,
                "Je voudrais être remboursé pour ces pneus."), newHire.storeScope());
        desk.reply(id, newHire.storeScope(), newHire.id(), "Bien sûr, voici 145 $.", false);
        desk.note(id, newHire.storeScope(), newHire.id(), "We never sold tires; the site was a tire shop.");
        desk.resolve(id, newHire.storeScope(), newHire.id(), Resolution.refund(Money.of(new BigDecimal("145"), "USD"), true),
                "He leaves happy and tells everyone the store takes care of people.");

        ServiceCase stored = desk.find(id, newHire.storeScope()).orElseThrow();
        assertThat(stored.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(stored.language()).as("the client's language").isEqualTo(Language.FR);
        assertThat(stored.firstResponseAt()).isNotNull();
        assertThat(stored.resolvedAt()).isNotNull();
        assertThat(stored.messages()).extracting(CaseMessage::author, CaseMessage::internal).containsExactly(
                tuple(AuthorKind.CUSTOMER, false),
                tuple(AuthorKind.ASSOCIATE, false),
                tuple(AuthorKind.ASSOCIATE, true));
        assertThat(stored.resolutions()).singleElement().satisfies(r -> {
            assertThat(r.resolution().kind()).isEqualTo(ResolutionKind.REFUND);
            assertThat(r.resolution().cost().amount()).isEqualByComparingTo("145");
            assertThat(r.resolution().details()).isEqualTo(new ResolutionDetails.Refund(true));
            assertThat(r.associateId()).isEqualTo(newHire.id());
        });
        assertThat(jdbc.sql("select details ->> 'goods_never_sold' from resolution where case_id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("true");

        assertThat(events.stream(CaseResolved.class).filter(e -> e.caseId() == id)).singleElement().satisfies(e -> {
            assertThat(e.storeId()).isEqualTo(store);
            assertThat(e.customerId()).isEqualTo(customer);
            assertThat(e.associateId()).isEqualTo(newHire.id());
            assertThat(e.kind()).isEqualTo(ResolutionKind.REFUND);
            assertThat(e.cost().amount()).isEqualByComparingTo("145");
            assertThat(e.judgment()).startsWith("He leaves happy");
        });
        assertThat(events.stream(CaseOpened.class).filter(e -> e.caseId() == id)).hasSize(1);
        assertThat(events.stream(CaseReplied.class).filter(e -> e.caseId() == id))
                .singleElement().satisfies(e -> assertThat(e.firstResponse()).isTrue());
    }

    @Test
    void hidesACaseFromAnAssociateOfAnotherStore() {
        long store = store();
        SignedInAssociate owner = people.person(Role.ASSOCIATE, store);
        long id = desk.open(new CaseDraft(store, client(store, Language.EN), owner.id(), Channel.PHONE, "Boots",
                Language.EN, "My boots were left in the rain."), owner.storeScope());
        SignedInAssociate stranger = people.person(Role.ASSOCIATE, store());

        assertThat(desk.find(id, stranger.storeScope())).isEmpty();
        assertThat(desk.resolve(id, stranger.storeScope(), stranger.id(),
                Resolution.of(ResolutionKind.GOODWILL, Money.of(BigDecimal.TEN, "USD")), "Trying from elsewhere.")).isFalse();
        assertThat(desk.list(CaseFilter.ofStore(store), stranger.storeScope())).isEmpty();
        assertThat(desk.find(id, owner.storeScope()).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
        assertThat(desk.find(id, people.owner().storeScope())).isPresent();
    }

    @Test
    void refusesAnAssociateOfAnotherStoreEvenWithTheOwnersScope() {
        long store = store();
        SignedInAssociate colleague = people.person(Role.ASSOCIATE, store);
        long id = desk.open(new CaseDraft(store, client(store, Language.EN), null, Channel.EMAIL, "Chip", null,
                "It fails."), colleague.storeScope());
        SignedInAssociate stranger = people.person(Role.ASSOCIATE, store());

        assertThatThrownBy(() -> desk.reply(id, Optional.empty(), stranger.id(), "Hello", false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsTheCasesOfAStoreAndOfTheirOwnerByStatus() {
        long store = store();
        SignedInAssociate me = people.person(Role.ASSOCIATE, store);
        SignedInAssociate colleague = people.person(Role.ASSOCIATE, store);
        long customer = client(store, Language.EN);
        long mine = desk.open(new CaseDraft(store, customer, me.id(), Channel.WEB_FORM, "Mine", null, null),
                me.storeScope());
        long theirs = desk.open(new CaseDraft(store, customer, colleague.id(), Channel.PHONE, "Theirs", null, null),
                me.storeScope());
        desk.reply(theirs, me.storeScope(), me.id(), "Which size?", true);

        assertThat(desk.list(CaseFilter.ofStore(store), me.storeScope())).extracting(CaseSummary::id)
                .containsExactly(theirs, mine);
        assertThat(desk.list(CaseFilter.ownedBy(me.id()), me.storeScope())).extracting(CaseSummary::id)
                .containsExactly(mine);
        assertThat(desk.list(CaseFilter.ofStore(store).withStatus(CaseStatus.WAITING_ON_CUSTOMER), me.storeScope()))
                .extracting(CaseSummary::id).containsExactly(theirs);
        assertThat(desk.list(CaseFilter.ofCustomer(customer), me.storeScope())).hasSize(2);
    }

    @Test
    void keepsTheTuxedoAlterationUntilItIsCollected() {
        long store = store();
        SignedInAssociate shopOwner = people.person(Role.MANAGER, store);
        long id = desk.open(new CaseDraft(store, client(store, Language.EN), shopOwner.id(), Channel.PHONE,
                "Torn tuxedo jacket", null, "I tore my jacket on a nail; the show starts at nine."),
                shopOwner.storeScope());
        Instant promised = Instant.parse("2026-11-21T04:30:00Z");
        desk.resolve(id, shopOwner.storeScope(), shopOwner.id(),
                Resolution.alteration(Money.of(BigDecimal.ZERO, "USD"), promised), "He goes on stage in a jacket that fits.");
        long alteration = desk.find(id, shopOwner.storeScope()).orElseThrow().resolutions().getFirst().id();

        desk.progressAlteration(id, shopOwner.storeScope(), shopOwner.id(), alteration, AlterationStatus.READY);
        desk.progressAlteration(id, shopOwner.storeScope(), shopOwner.id(), alteration, AlterationStatus.COLLECTED);

        assertThat(desk.find(id, shopOwner.storeScope()).orElseThrow().resolutions()).singleElement()
                .satisfies(r -> assertThat(r.resolution().details())
                        .isEqualTo(new ResolutionDetails.Alteration(promised, AlterationStatus.COLLECTED)));
        assertThat(jdbc.sql("select details ->> 'status' from resolution where id = :id").param("id", alteration)
                .query(String.class).single()).isEqualTo("COLLECTED");
        assertThat(events.stream(AlterationProgressed.class).filter(e -> e.caseId() == id))
                .extracting(AlterationProgressed::status)
                .containsExactly(AlterationStatus.READY, AlterationStatus.COLLECTED);
    }

    @Test
    void refusesAChangeToACaseSomeoneChangedMeanwhile() {
        long store = store();
        SignedInAssociate me = people.person(Role.ASSOCIATE, store);
        long id = desk.open(new CaseDraft(store, client(store, Language.EN), me.id(), Channel.EMAIL, "Boots", null,
                "Soaked."), me.storeScope());
        ServiceCase mine = cases.find(id, store).orElseThrow();
        ServiceCase theirs = cases.find(id, store).orElseThrow();
        Clock clock = Clock.systemUTC();

        theirs.reply(me.id(), "Sending a new pair now.", false, clock);
        cases.update(theirs);
        mine.resolve(Resolution.of(ResolutionKind.GOODWILL, Money.of(BigDecimal.TEN, "USD")), "A gift card.", me.id(), clock);

        assertThatThrownBy(() -> cases.update(mine)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(desk.find(id, me.storeScope()).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void givesACaseToAColleagueOfTheSameStoreOnly() {
        long store = store();
        SignedInAssociate me = people.person(Role.ASSOCIATE, store);
        SignedInAssociate colleague = people.person(Role.ASSOCIATE, store);
        SignedInAssociate stranger = people.person(Role.ASSOCIATE, store());
        long id = desk.open(new CaseDraft(store, client(store, Language.EN), null, Channel.EMAIL, "Chip", null,
                "It fails."), me.storeScope());

        desk.assign(id, me.storeScope(), me.id(), colleague.id());

        assertThat(desk.list(CaseFilter.ownedBy(colleague.id()), colleague.storeScope()))
                .extracting(CaseSummary::id).containsExactly(id);
        assertThatThrownBy(() -> desk.assign(id, me.storeScope(), me.id(), stranger.id()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(desk.find(id, me.storeScope()).orElseThrow().ownerId()).isEqualTo(colleague.id());
    }

    @Test
    void showsTheClientsCasesOnTheirTimeline() {
        long store = store();
        SignedInAssociate me = people.person(Role.ASSOCIATE, store);
        long customer = client(store, Language.FR);
        long id = desk.open(new CaseDraft(store, customer, me.id(), Channel.PHONE, "Smoking déchiré", null, null),
                me.storeScope());

        List<TimelineEntry> entries = timelineSources.stream()
                .flatMap(source -> source.timeline(customer, 10, Locale.FRENCH).stream())
                .filter(e -> e.kind().equals("timeline.case"))
                .toList();

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("n° " + id + " : Smoking déchiré");
            assertThat(e.detail()).isEqualTo("Téléphone · Ouverte");
        });
    }

    @Test
    void reopensAResolvedCaseWhenTheCustomerWritesAgainAndKeepsBothResolutions() {
        long store = store();
        SignedInAssociate me = people.person(Role.ASSOCIATE, store);
        long id = desk.open(new CaseDraft(store, client(store, Language.EN), me.id(), Channel.EMAIL, "Boots", null,
                "Soaked."), me.storeScope());
        desk.resolve(id, me.storeScope(), me.id(),
                Resolution.replacementShipped(Money.of(new BigDecimal("200"), "USD"), "City Courier", "CC-1"), "A dry pair.");

        desk.customerWrote(id, "The new pair is too small.");
        desk.resolve(id, me.storeScope(), me.id(), Resolution.of(ResolutionKind.EXCHANGE, Money.of(BigDecimal.ZERO, "USD")),
                "The right size, brought to her door.");

        ServiceCase stored = desk.find(id, me.storeScope()).orElseThrow();
        assertThat(stored.timesReopened()).isEqualTo(1);
        assertThat(stored.resolutions()).extracting(r -> r.resolution().kind())
                .containsExactly(ResolutionKind.REPLACEMENT_SHIPPED, ResolutionKind.EXCHANGE);
        assertThat(stored.resolutions().getFirst().resolution().details())
                .isEqualTo(new ResolutionDetails.Replacement("City Courier", "CC-1"));
        assertThat(events.stream(CaseReopened.class).filter(e -> e.caseId() == id)).hasSize(1);
    }
}
