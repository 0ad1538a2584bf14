package org.ruleone.organization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

import org.junit.jupiter.api.Test;
import org.ruleone.clienteling.Tasks;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseDraft;
import org.ruleone.service.Channel;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.ruleone.telephony.CallDraft;
import org.ruleone.telephony.CallOutcome;
import org.ruleone.telephony.CallSource;
import org.ruleone.telephony.PhoneCalls;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Owning a case, keeping a client, taking a task and answering a call asked three different rules (an owner kept
 * clients and took tasks in their own store only; a deactivated associate could still be given both). They now
 * ask one: {@link Organization#mayActIn}.
 */
@IntegrationTest
class MayActInStoreTests {

    @Autowired TestPeople people;
    @Autowired Organization organization;
    @Autowired CaseDesk desk;
    @Autowired ClientBook clients;
    @Autowired Tasks tasks;
    @Autowired PhoneCalls calls;

    @Test
    void everyModuleGivesTheSameAnswerForEachPersonAndStore() {
        SignedInAssociate owner = people.owner();
        long store = people.store("Acting " + System.nanoTime());
        long otherStore = people.store("Elsewhere " + System.nanoTime());
        SignedInAssociate manager = people.person(Role.MANAGER, store);
        SignedInAssociate associate = people.person(Role.ASSOCIATE, store);
        SignedInAssociate leaver = people.person(Role.ASSOCIATE, store);
        organization.deactivate(leaver.id());
        SignedInAssociate neighbour = people.person(Role.ASSOCIATE, otherStore);
        long client = clients.add(new ClientDraft(store, null, "Ada", "Lovelace", null, null, null, Language.EN, "",
                List.of(), List.of(), "", null));

        Map<String, Long> everyone = Map.of("owner of another home store", owner.id(), "manager", manager.id(),
                "associate", associate.id(), "deactivated associate", leaver.id(),
                "associate of another store", neighbour.id());
        Map<String, Boolean> expected = Map.of("owner of another home store", true, "manager", true,
                "associate", true, "deactivated associate", false, "associate of another store", false);

        everyone.forEach((who, id) -> {
            List<Boolean> answers = new ArrayList<>();
            answers.add(organization.mayActIn(id, store));
            answers.add(organization.associate(id).orElseThrow().mayActIn(store));
            answers.add(accepts(a -> desk.open(new CaseDraft(store, client, a, Channel.IN_STORE, "Hem", null, null),
                    Optional.of(store)), id));
            answers.add(accepts(a -> clients.add(new ClientDraft(store, null, "Kept", "Client", null, null, null,
                    Language.EN, "", List.of(), List.of(), "", a)), id));
            answers.add(accepts(a -> tasks.add(store, a, client, "Call back", LocalDate.of(2026, 12, 24),
                    owner.id()), id));
            answers.add(accepts(a -> calls.log(new CallDraft(store, client, "+48 22 555 01 01", a,
                    Instant.parse("2026-12-03T10:00:00Z"), 2, 5, CallOutcome.ANSWERED, 60, null, CallSource.MANUAL,
                    owner.id()), Optional.of(store)), id));

            assertThat(answers).as(who).containsOnly(expected.get(who));
        });
    }

    @Test
    void aManagerOrAnAssociateActsInTheirOwnStoreOnlyAndAnOwnerEverywhere() {
        long home = 1;
        long other = 2;
        AssociateSummary owner = person(Role.OWNER, home, true);

        assertThat(owner.mayActIn(other)).isTrue();
        assertThat(person(Role.OWNER, null, true).mayActIn(other)).isTrue();
        assertThat(person(Role.MANAGER, home, true).mayActIn(home)).isTrue();
        assertThat(person(Role.MANAGER, home, true).mayActIn(other)).isFalse();
        assertThat(person(Role.ASSOCIATE, home, true).mayActIn(other)).isFalse();
        assertThat(person(Role.OWNER, home, false).mayActIn(home)).isFalse();
        assertThat(person(Role.ASSOCIATE, home, false).mayActIn(home)).isFalse();
        assertThat(owner.mayActAsOneOf(other)).as("a store's token speaks for its own people only").isFalse();
        assertThat(owner.mayActAsOneOf(home)).isTrue();
    }

    private static AssociateSummary person(Role role, Long store, boolean active) {
        return new AssociateSummary(7, "Someone", "someone@example.com", role, store, null, Language.EN, active);
    }

    private static boolean accepts(LongConsumer action, long associateId) {
        try {
            action.accept(associateId);
            return true;
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }
}
