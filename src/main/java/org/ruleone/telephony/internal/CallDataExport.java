package org.ruleone.telephony.internal;

import org.ruleone.customers.ClientDataExport;
import org.ruleone.shared.Language;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.ruleone.customers.ClientDataExport.firstName;
import static org.ruleone.customers.ClientDataExport.item;

/** The client's phone calls to the stores: when, from which number, who answered, how long, for their copy. */
@Component
@Order(25)
class CallDataExport implements ClientDataExport {

    private final JdbcClient jdbc;

    CallDataExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Section export(long clientId, Language language) {
        return new Section("calls", jdbc.sql("""
                select s.name as store, c.ringing_at, c.caller_number, a.name as associate, c.outcome,
                       c.duration_seconds
                  from phone_call c
                  join store_directory s on s.id = c.store_id
                  left join associate_directory a on a.id = c.associate_id
                 where c.customer_id = :client order by c.ringing_at, c.id
                """)
                .param("client", clientId)
                .query((rs, n) -> item("store", rs.getString("store"), "calledAt", rs.getTimestamp("ringing_at"),
                        "number", rs.getString("caller_number"), "associate", firstName(rs.getString("associate")),
                        "outcome", rs.getString("outcome"),
                        "seconds", rs.getObject("duration_seconds", Integer.class)))
                .list());
    }
}
