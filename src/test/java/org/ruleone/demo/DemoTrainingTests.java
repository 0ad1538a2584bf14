package org.ruleone.demo;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.ruleone.training.RoleplaySessions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's roleplay training seeds through the training API, with held sessions scored by their watchers. */
@IntegrationTest
class DemoTrainingTests {

    @Autowired DemoTraining demo;
    @Autowired TestPeople people;
    @Autowired RoleplaySessions sessions;

    @Test
    void seedsScenariosAndSessionsWithFeedbackInBothStores() {
        long flagship = people.store("Demo training " + UUID.randomUUID());
        long second = people.store("Demo training PL " + UUID.randomUUID());
        SignedInAssociate sally = people.person(Role.MANAGER, flagship);
        SignedInAssociate craig = people.person(Role.ASSOCIATE, flagship);
        people.person(Role.MANAGER, second);
        SignedInAssociate marek = people.person(Role.ASSOCIATE, second);

        demo.seed(flagship, second);

        assertThat(sessions.scoresOf(craig.id())).hasSize(2)
                .allSatisfy(s -> assertThat(s.mean()).isBetween(1.0, 5.0));
        assertThat(sessions.scoresOf(marek.id())).singleElement()
                .satisfies(s -> assertThat(s.feedbackCount()).isEqualTo(2));
        assertThat(sessions.visibleTo(sally, 10)).hasSize(3);
        assertThat(sessions.commentsOn(craig.id())).isNotEmpty();
    }
}
