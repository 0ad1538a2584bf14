package org.ruleone.service.internal;

import java.util.List;
import java.util.Map;

import org.ruleone.customers.ClientDataExport;
import org.ruleone.shared.Language;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.ruleone.customers.ClientDataExport.firstName;
import static org.ruleone.customers.ClientDataExport.item;

/**
 * The client's cases for their copy of their data: each with its messages (theirs, the associates' and the internal
 * notes about them), what was done and what it cost, and the names of the files attached.
 */
@Component
@Order(20)
class CaseDataExport implements ClientDataExport {

    private final JdbcClient jdbc;

    CaseDataExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Section export(long clientId, Language language) {
        List<Map<String, Object>> cases = jdbc.sql("""
                select c.id, s.name as store, a.name as associate, c.channel, c.subject, c.status, c.opened_at,
                       c.resolved_at
                  from service_case c
                  join store_directory s on s.id = c.store_id
                  left join associate_directory a on a.id = c.associate_id
                 where c.customer_id = :client order by c.opened_at, c.id
                """)
                .param("client", clientId)
                .query((rs, n) -> item("case", rs.getLong("id"), "store", rs.getString("store"),
                        "associate", firstName(rs.getString("associate")), "channel", rs.getString("channel"),
                        "subject", rs.getString("subject"), "status", rs.getString("status"),
                        "openedAt", rs.getTimestamp("opened_at"),
                        "resolvedAt", rs.getTimestamp("resolved_at")))
                .list();
        for (Map<String, Object> c : cases) {
            long id = (Long) c.get("case");
            c.put("messages", messages(id));
            c.put("resolutions", resolutions(id));
            c.put("attachments", attachments(id));
        }
        return new Section("cases", cases);
    }

    private List<Map<String, Object>> messages(long caseId) {
        return jdbc.sql("""
                select m.author_kind, a.name as associate, m.body, m.internal, m.created_at
                  from case_message m left join associate_directory a on a.id = m.associate_id
                 where m.case_id = :case order by m.created_at, m.id
                """)
                .param("case", caseId)
                .query((rs, n) -> item("from", rs.getString("author_kind"),
                        "associate", firstName(rs.getString("associate")), "internalNote", rs.getBoolean("internal"),
                        "writtenAt", rs.getTimestamp("created_at"), "text", rs.getString("body")))
                .list();
    }

    private List<Map<String, Object>> resolutions(long caseId) {
        return jdbc.sql("""
                select r.kind, r.cost, r.currency, r.judgment, a.name as associate, r.created_at
                  from resolution r left join associate_directory a on a.id = r.associate_id
                 where r.case_id = :case order by r.created_at, r.id
                """)
                .param("case", caseId)
                .query((rs, n) -> item("kind", rs.getString("kind"),
                        "cost", rs.getBigDecimal("cost").toPlainString() + " " + rs.getString("currency"),
                        "why", rs.getString("judgment"), "associate", firstName(rs.getString("associate")),
                        "resolvedAt", rs.getTimestamp("created_at")))
                .list();
    }

    private List<Map<String, Object>> attachments(long caseId) {
        return jdbc.sql("""
                select file_name, content_type, size, created_at from case_attachment
                 where case_id = :case order by created_at, id
                """)
                .param("case", caseId)
                .query((rs, n) -> item("fileName", rs.getString("file_name"), "type", rs.getString("content_type"),
                        "size", rs.getLong("size"), "addedAt", rs.getTimestamp("created_at")))
                .list();
    }
}
