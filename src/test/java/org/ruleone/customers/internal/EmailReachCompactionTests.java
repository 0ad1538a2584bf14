package org.ruleone.customers.internal;

import java.util.List;
import java.util.Map;

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

/** Folding the reach counts' +1/-1 rows (ADR 0122) leaves every count as it was, in fewer rows. */
@IntegrationTest
class EmailReachCompactionTests {

    @Autowired EmailReachCompaction compaction;
    @Autowired ClientBook clients;
    @Autowired Consents consents;
    @Autowired TestPeople people;
    @Autowired JdbcClient jdbc;

    private Map<String, Long> counts(long store) {
        return jdbc.sql("select state, clients from customer_email_reach_counts where store_id = :s")
                .param("s", store).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private int rows(long store) {
        return jdbc.sql("select count(*) from customer_email_reach_delta where store_id = :s").param("s", store)
                .query(Integer.class).single();
    }

    @Test
    void foldingTheCountsKeepsEveryCountInFewerRows() {
        long store = people.store("Reach fold");
        for (int i = 0; i < 6; i++) {
            long c = clients.add(new ClientDraft(store, null, "Fold", "Client", "fold" + i + "@example.com", null,
                    null, Language.EN, "", List.of(), List.of(), "", null));
            consents.record(c, ConsentChannel.EMAIL, true, ConsentMethod.IN_STORE, null);
            if (i % 3 == 0) {
                consents.record(c, ConsentChannel.EMAIL, false, ConsentMethod.IN_STORE, null);
            }
        }
        Map<String, Long> before = counts(store);
        assertThat(before).containsEntry("REACHABLE", 4L).containsEntry("WITHDRAWN", 2L);
        assertThat(rows(store)).isGreaterThan(2);

        compaction.compact();

        assertThat(counts(store)).isEqualTo(before);
        assertThat(rows(store)).isEqualTo(2);
    }
}
