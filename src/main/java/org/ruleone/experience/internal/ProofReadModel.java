package org.ruleone.experience.internal;

import java.util.Collection;

import org.ruleone.purchases.PurchasesRecorded;
import org.ruleone.service.CaseResolved;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code proof_first_experience} (V141, ADR 0108) current: survey answers through their table's trigger in the
 * same transaction; purchases (till and imports alike: both publish {@link PurchasesRecorded}) and resolutions here,
 * by recomputing the rows of the clients concerned from the facts.
 */
@Component
public class ProofReadModel {

    private final JdbcClient jdbc;

    ProofReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(PurchasesRecorded recorded) {
        follow(recorded.clients().stream().map(PurchasesRecorded.ClientPurchases::customerId).toList());
    }

    @ApplicationModuleListener
    void on(CaseResolved resolved) {
        follow(java.util.List.of(resolved.customerId()));
    }

    /** Past this many clients at once (a large import), one rebuild is cheaper than following each. */
    static final int REBUILD_ABOVE = 50_000;

    /** Recomputes the first experiences of these clients and their next purchase. */
    public void follow(Collection<Long> clients) {
        if (clients.isEmpty()) {
            return;
        }
        if (clients.size() > REBUILD_ABOVE) {
            rebuild();
            return;
        }
        jdbc.sql("select proof_first_experience_follow(array[:clients]::bigint[])")
                .param("clients", java.util.List.copyOf(clients)).query((rs, row) -> 1).list();
    }

    /** Rebuilds every row from the facts, as the migration did (after facts were written around the modules). */
    public void rebuild() {
        jdbc.sql("select proof_first_experience_rebuild()").query((rs, row) -> 1).list();
    }
}
