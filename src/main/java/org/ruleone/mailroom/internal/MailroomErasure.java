package org.ruleone.mailroom.internal;

import java.util.List;

import org.ruleone.customers.ClientErasure;
import org.ruleone.customers.ClientIdentifiers;
import org.ruleone.mail.PersonalMail;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseFilter;
import org.ruleone.service.CaseSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the mailroom kept of the client's mail (ADR 0117): the log of what arrived keeps its times and outcomes
 * without sender or subject, the attachments of their cases go, and so do the quarantined mails and the contact
 * form attempts that carry their address, and the sender's statistics.
 */
@Component
class MailroomErasure implements ClientErasure {

    private final JdbcClient jdbc;
    private final ClientIdentifiers identifiers;
    private final CaseDesk cases;
    private final PersonalMail personalMail;

    MailroomErasure(JdbcClient jdbc, ClientIdentifiers identifiers, CaseDesk cases, PersonalMail personalMail) {
        this.jdbc = jdbc;
        this.identifiers = identifiers;
        this.cases = cases;
        this.personalMail = personalMail;
    }

    @Override
    public void erase(long clientId, String pseudonym) {
        List<Long> caseIds = cases.list(new CaseFilter(null, null, java.util.Optional.of(clientId), null,
                Integer.MAX_VALUE), java.util.Optional.empty()).stream().map(CaseSummary::id).toList();
        if (!caseIds.isEmpty()) {
            jdbc.sql("delete from mailroom_attachment where case_id in (:cases)").param("cases", caseIds).update();
            jdbc.sql("update mailroom_inbound set sender = null, subject = null where case_id in (:cases)")
                    .param("cases", caseIds).update();
        }
        identifiers.of(clientId).flatMap(ClientIdentifiers.Identifiers::email).ifPresent(email -> {
            jdbc.sql("update mailroom_inbound set sender = null, subject = null where lower(sender) = :email")
                    .param("email", email).update();
            jdbc.sql("update mailroom_duplicate set sender = '', subject = '' where lower(sender) = :email")
                    .param("email", email).update();
            jdbc.sql("delete from mailroom_sender where lower(address) = :email").param("email", email).update();
            jdbc.sql("delete from mailroom_contact_attempt where lower(email) = :email").param("email", email).update();
            personalMail.forgetQuarantinedFrom(List.of(email));
        });
    }
}
