package org.ruleone.clienteling.internal;

import org.ruleone.customers.ClientDataExport;
import org.ruleone.shared.Language;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.ruleone.customers.ClientDataExport.firstName;
import static org.ruleone.customers.ClientDataExport.item;

/**
 * The tasks about the client (thank-you notes, follow-ups, dates, lapsed, by hand), with who did them and the note
 * left when done, for their copy of their data.
 */
@Component
@Order(40)
class TaskDataExport implements ClientDataExport {

    private final JdbcClient jdbc;

    TaskDataExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Section export(long clientId, Language language) {
        return new Section("tasks", jdbc.sql("""
                select t.kind, t.title, s.name as store, a.name as associate, t.due_on, t.occurs_on, t.status,
                       t.created_at, t.closed_at, c.name as closed_by, t.closed_note
                  from clienteling_task t
                  join store_directory s on s.id = t.store_id
                  left join associate_directory a on a.id = t.associate_id
                  left join associate_directory c on c.id = t.closed_by
                 where t.customer_id = :client order by t.created_at, t.id
                """)
                .param("client", clientId)
                .query((rs, n) -> item("kind", rs.getString("kind"), "title", blank(rs.getString("title")),
                        "store", rs.getString("store"), "associate", firstName(rs.getString("associate")),
                        "dueOn", rs.getDate("due_on"),
                        "occursOn", rs.getDate("occurs_on"),
                        "status", rs.getString("status"), "createdAt", rs.getTimestamp("created_at"),
                        "closedAt", rs.getTimestamp("closed_at"),
                        "closedBy", firstName(rs.getString("closed_by")), "note", blank(rs.getString("closed_note"))))
                .list());
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
