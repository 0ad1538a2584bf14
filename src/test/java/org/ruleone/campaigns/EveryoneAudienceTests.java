package org.ruleone.campaigns;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.ConsentChannel;
import org.ruleone.customers.ConsentMethod;
import org.ruleone.customers.Consents;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audience of every client (of a store or of the chain) is read from the counts the client book keeps as clients
 * and consents are written (ADR 0122), not by classifying each client. Whatever is written, and however, it must
 * give exactly what the classification gives: here the classification is forced by naming every language, which
 * leaves nobody out.
 */
@IntegrationTest
class EveryoneAudienceTests {

    private static final ZoneId ZONE = ZoneId.of("Europe/Warsaw");

    @Autowired Audiences audiences;
    @Autowired ClientBook clients;
    @Autowired Consents consents;
    @Autowired TestPeople people;
    @Autowired JdbcClient jdbc;

    private long client(long store, String email) {
        return clients.add(new ClientDraft(store, null, "Reach", "Client", email, null, null, Language.FR, "",
                List.of(), List.of(), "", null));
    }

    private void consent(long client, boolean granted) {
        consents.record(client, ConsentChannel.EMAIL, granted, ConsentMethod.IN_STORE, null);
    }

    /** The counted answer equals the classified one for both stores and the whole chain. */
    private void sameAsClassified(long... stores) {
        for (Long store : new Long[] {stores[0], stores[1], null}) {
            AudienceCount counted = audiences.count(AudienceFilter.everyone(store), Optional.empty(), ZONE);
            AudienceCount classified = audiences.count(new AudienceFilter(store, List.of(), null, null, null, null,
                    Set.of(Language.EN, Language.FR, Language.PL)), Optional.empty(), ZONE);
            assertThat(counted).as("store %s", store).isEqualTo(classified);
        }
        AudienceCount scoped = audiences.count(AudienceFilter.everyone(null), Optional.of(stores[0]), ZONE);
        assertThat(scoped).as("a manager's scope wins over the chain").isEqualTo(
                audiences.count(AudienceFilter.everyone(stores[0]), Optional.empty(), ZONE));
    }

    @Test
    void everyClientsAudienceIsCountedExactlyAsTheClassificationWouldWhateverIsWritten() {
        long north = people.store("Reach north");
        long south = people.store("Reach south");
        long reachable = client(north, "reach.one@example.com");
        consent(reachable, true);
        long noAddress = client(north, null);
        consent(noAddress, true);
        long noAt = client(north, "not-an-address");
        consent(noAt, true);
        long neverAsked = client(north, "never@example.com");
        long withdrew = client(north, "withdrew@example.com");
        consent(withdrew, true);
        consent(withdrew, false);
        long bounced = client(south, "  Bounced.Reach@Example.com ");
        consent(bounced, true);
        long southern = client(south, "south@example.com");
        consent(southern, true);
        sameAsClassified(north, south);
        AudienceCount northCount = audiences.count(AudienceFilter.everyone(north), Optional.empty(), ZONE);
        assertThat(northCount.in()).isEqualTo(1);
        assertThat(northCount.leftOut(LeftOutReason.NO_ADDRESS)).isEqualTo(2);
        assertThat(northCount.leftOut(LeftOutReason.WITHDRAWN)).isEqualTo(1);
        assertThat(northCount.leftOut(LeftOutReason.NO_CONSENT)).isEqualTo(1);

        jdbc.sql("insert into undeliverable_address (email, marked_at) values ('bounced.reach@example.com', now())")
                .update();
        sameAsClassified(north, south);
        assertThat(audiences.count(AudienceFilter.everyone(south), Optional.empty(), ZONE)
                .leftOut(LeftOutReason.UNDELIVERABLE)).isEqualTo(1);

        consent(reachable, false);
        consent(neverAsked, true);
        consent(withdrew, true);
        sameAsClassified(north, south);

        // written by other paths than the client book: an import's update, a move, a deletion, a bulk change
        jdbc.sql("update customer set email = 'now@example.com' where id = :id").param("id", noAddress).update();
        jdbc.sql("update customer set store_id = :south where id = :id").param("south", south)
                .param("id", neverAsked).update();
        jdbc.sql("delete from customer where id = :id").param("id", withdrew).update();
        jdbc.sql("update customer set email = null where id in (:a, :b)").param("a", southern).param("b", noAt)
                .update();
        sameAsClassified(north, south);

        jdbc.sql("delete from consent where customer_id = :id").param("id", bounced).update();
        jdbc.sql("delete from undeliverable_address where email = 'bounced.reach@example.com'").update();
        sameAsClassified(north, south);
    }
}
