package org.ruleone.privacy.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientSummary;
import org.ruleone.customers.IdleClients;
import org.ruleone.customers.RetentionTarget;
import org.ruleone.privacy.Erasures;
import org.springframework.stereotype.Component;

/** Clients with no purchase, case or consent since the cut-off are erased as on request (ADR 0118). */
@Component
class IdleClientsRetention implements RetentionTarget {

    private final IdleClients idle;
    private final ClientBook clients;
    private final Erasures erasures;

    IdleClientsRetention(IdleClients idle, ClientBook clients, Erasures erasures) {
        this.idle = idle;
        this.clients = clients;
        this.erasures = erasures;
    }

    @Override
    public RetentionRule rule() {
        return RetentionRule.IDLE_CLIENTS;
    }

    @Override
    public Touched preview(Instant cutOff, int sample) {
        List<Long> ids = idle.since(cutOff);
        List<Long> first = ids.subList(0, Math.min(sample, ids.size()));
        var names = clients.summaries(first, Optional.empty());
        return new Touched(ids.size(), first.stream()
                .map(id -> "#" + id + " " + Optional.ofNullable(names.get(id)).map(IdleClientsRetention::name).orElse(""))
                .map(String::strip).toList());
    }

    @Override
    public int apply(Instant cutOff) {
        int erased = 0;
        for (long id : idle.since(cutOff)) {
            erased += erasures.eraseIdle(id).isPresent() ? 1 : 0;
        }
        return erased;
    }

    private static String name(ClientSummary client) {
        return (client.firstName() + " " + client.lastName()).strip();
    }
}
