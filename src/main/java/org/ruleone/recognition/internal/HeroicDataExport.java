package org.ruleone.recognition.internal;

import java.util.List;
import java.util.Optional;

import org.ruleone.customers.ClientDataExport;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseFilter;
import org.ruleone.service.CaseSummary;
import org.ruleone.shared.Language;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.ruleone.customers.ClientDataExport.firstName;
import static org.ruleone.customers.ClientDataExport.item;

/**
 * The heroics naming the client, or told about one of their cases: when, what, and the heroes and reporter by first
 * name; the case only when it is theirs (a heroic may name one client and link another's case). Never the internal
 * comments (ADR 0104): they are the associates' talk, not about the client.
 */
@Component
@Order(60)
class HeroicDataExport implements ClientDataExport {

    private static final int MAX_CASES = 10_000;

    private final JdbcClient jdbc;
    private final CaseDesk cases;

    HeroicDataExport(JdbcClient jdbc, CaseDesk cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    @Override
    public Section export(long clientId, Language language) {
        List<Long> theirs = cases.list(new CaseFilter(Optional.empty(), Optional.empty(), Optional.of(clientId),
                Optional.empty(), MAX_CASES), Optional.empty()).stream().map(CaseSummary::id).toList();
        return new Section("heroics", jdbc.sql("""
                select h.id, h.happened_on, h.what, h.reported_at, r.name as reporter, h.case_id,
                       exists (select 1 from heroic_photo p where p.heroic_id = h.id) as photo,
                       (select coalesce(array_agg(a.name order by a.name), '{}') from heroic_hero x
                          join associate_directory a on a.id = x.associate_id where x.heroic_id = h.id) as heroes
                  from heroic h left join associate_directory r on r.id = h.reported_by
                 where h.customer_id = :client or h.case_id = any (:cases)
                 order by h.happened_on, h.id
                """)
                .param("client", clientId).param("cases", theirs.toArray(Long[]::new))
                .query((rs, n) -> item("happenedOn", rs.getDate("happened_on"),
                        "heroes", List.of((String[]) rs.getArray("heroes").getArray()).stream()
                                .map(ClientDataExport::firstName).toList(),
                        "reportedBy", firstName(rs.getString("reporter")), "reportedAt", rs.getTimestamp("reported_at"),
                        "case", theirs.contains(rs.getObject("case_id", Long.class)) ? rs.getLong("case_id") : null,
                        "what", rs.getString("what"),
                        "photo", rs.getBoolean("photo")))
                .list());
    }
}
