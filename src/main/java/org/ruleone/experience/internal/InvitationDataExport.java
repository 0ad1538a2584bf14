package org.ruleone.experience.internal;

import org.ruleone.customers.ClientDataExport;
import org.ruleone.shared.Language;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.ruleone.customers.ClientDataExport.firstName;
import static org.ruleone.customers.ClientDataExport.item;

/** The survey invitations meant for the client: when, from whom, sent or why not, for their copy of their data. */
@Component
@Order(31)
class InvitationDataExport implements ClientDataExport {

    private final JdbcClient jdbc;

    InvitationDataExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Section export(long clientId, Language language) {
        return new Section("invitations", jdbc.sql("""
                select s.name as store, a.name as associate, i.trigger, i.status, i.skipped_reason, i.due_at,
                       i.sent_at, i.reminders_sent
                  from survey_invitation i
                  join store_directory s on s.id = i.store_id
                  left join associate_directory a on a.id = i.associate_id
                 where i.customer_id = :client order by i.due_at, i.id
                """)
                .param("client", clientId)
                .query((rs, n) -> item("store", rs.getString("store"),
                        "associate", firstName(rs.getString("associate")), "channel", rs.getString("trigger"),
                        "status", rs.getString("status"),
                        "why", rs.getString("skipped_reason"), "dueOn", rs.getTimestamp("due_at"),
                        "sentAt", rs.getTimestamp("sent_at"), "reminders", rs.getInt("reminders_sent")))
                .list());
    }
}
