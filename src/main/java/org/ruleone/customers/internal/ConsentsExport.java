package org.ruleone.customers.internal;

import org.ruleone.customers.ClientDataExport;
import org.ruleone.customers.Consents;
import org.ruleone.shared.Language;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import static org.ruleone.customers.ClientDataExport.firstName;
import static org.ruleone.customers.ClientDataExport.item;

/** The consents the client gave or withdrew, each with its proof: when, how, by whom, and the exact wording. */
@Component
@Order(1)
class ConsentsExport implements ClientDataExport {

    private final Consents consents;

    ConsentsExport(Consents consents) {
        this.consents = consents;
    }

    @Override
    public Section export(long clientId, Language language) {
        return new Section("consents", consents.history(clientId).reversed().stream()
                .map(k -> item("channel", k.channel().name(), "granted", k.granted(),
                        "recordedAt", k.recordedAt(), "method", k.method().name(),
                        "recordedBy", k.recordedByName().isEmpty() ? null : firstName(k.recordedByName()),
                        "wording", k.wording()))
                .toList());
    }
}
