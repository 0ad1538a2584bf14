package org.ruleone.mailroom.internal;

import java.util.List;
import java.util.Optional;

import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDataExport;
import org.ruleone.shared.Language;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.ruleone.customers.ClientDataExport.item;

/**
 * The mail the store received from the client's address: when, its subject, what became of it (a case, a
 * duplicate, quarantine), and the files it carried. Their words are in the cases' messages.
 */
@Component
@Order(70)
class MailDataExport implements ClientDataExport {

    private final JdbcClient jdbc;
    private final ClientBook book;

    MailDataExport(JdbcClient jdbc, ClientBook book) {
        this.jdbc = jdbc;
        this.book = book;
    }

    @Override
    public Section export(long clientId, Language language) {
        Optional<Client> client = book.client(clientId, Optional.empty());
        if (client.isEmpty() || client.get().email() == null || client.get().email().isBlank()) {
            return new Section("mail", List.of());
        }
        return new Section("mail", jdbc.sql("""
                select i.id, i.received_at, i.sender, i.subject, i.outcome, i.case_id,
                       (select coalesce(array_agg(a.file_name order by a.id), '{}') from mailroom_attachment a
                         where a.inbound_id = i.id) as files
                  from mailroom_inbound i
                 where i.store_id = :store and lower(i.sender) = lower(:email)
                 order by i.received_at, i.id
                """)
                .param("store", client.get().storeId()).param("email", client.get().email().strip())
                .query((rs, n) -> item("receivedAt", rs.getTimestamp("received_at"), "from", rs.getString("sender"),
                        "subject", rs.getString("subject"), "outcome", rs.getString("outcome"),
                        "case", rs.getObject("case_id", Long.class),
                        "files", List.of((String[]) rs.getArray("files").getArray())))
                .list());
    }
}
