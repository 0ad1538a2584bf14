package org.ruleone.experience.internal;

import org.ruleone.customers.ClientDataExport;
import org.ruleone.shared.Language;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.ruleone.customers.ClientDataExport.firstName;
import static org.ruleone.customers.ClientDataExport.item;

/** The client's survey answers (scores and comment) and the invitations sent to them, for their copy of their data. */
@Component
@Order(30)
class SurveyDataExport implements ClientDataExport {

    private final JdbcClient jdbc;

    SurveyDataExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Section export(long clientId, Language language) {
        return new Section("surveys", jdbc.sql("""
                select s.name as store, a.name as associate, v.channel, v.come_back, v.satisfaction, v.comment,
                       v.complete, v.answered_at, v.case_id
                  from survey_answer v
                  join store_directory s on s.id = v.store_id
                  left join associate_directory a on a.id = v.associate_id
                 where v.customer_id = :client order by v.answered_at, v.id
                """)
                .param("client", clientId)
                .query((rs, n) -> item("store", rs.getString("store"),
                        "associate", firstName(rs.getString("associate")), "channel", rs.getString("channel"),
                        "comeBack", rs.getObject("come_back", Integer.class),
                        "satisfaction", rs.getObject("satisfaction", Integer.class),
                        "comment", rs.getString("comment"), "complete", rs.getBoolean("complete"),
                        "answeredAt", rs.getTimestamp("answered_at"),
                        "case", rs.getObject("case_id", Long.class)))
                .list());
    }
}
