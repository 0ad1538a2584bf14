package org.ruleone.service.internal;

import java.util.List;
import java.util.Optional;

import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.PostalAddress;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseDraft;
import org.ruleone.shared.Language;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens a case for a client the associate adds on the spot: both or neither are saved. */
@Service
public class CaseIntake {

    private final ClientBook clients;
    private final CaseDesk desk;

    CaseIntake(ClientBook clients, CaseDesk desk) {
        this.clients = clients;
        this.desk = desk;
    }

    /** A client typed in the case form: a name and, if the customer gives them, an e-mail and a phone. */
    public record NewClient(String firstName, String lastName, String email, String phone, Language language,
                            Long keeperId) {
    }

    /** @return the new case's id */
    @Transactional
    public long openForNewClient(NewClient client, CaseDraft draft, Optional<Long> scope) {
        long customerId = clients.add(new ClientDraft(draft.storeId(), null, client.firstName(), client.lastName(),
                client.email(), client.phone(), PostalAddress.NONE, client.language(), "", List.of(), List.of(), "",
                client.keeperId()));
        return desk.open(new CaseDraft(draft.storeId(), customerId, draft.ownerId(), draft.channel(), draft.subject(),
                draft.language(), draft.firstMessage()), scope);
    }
}
