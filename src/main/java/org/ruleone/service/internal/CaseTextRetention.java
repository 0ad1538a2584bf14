package org.ruleone.service.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.ruleone.customers.RetentionTarget;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Resolved cases older than the owner's period lose their messages' text and their attachments (ADR 0118); the case,
 * its times and its resolution stay, so the figures do not move.
 */
@Component
class CaseTextRetention implements RetentionTarget {

    private static final String DUE = """
            from service_case c
             where c.status = 'RESOLVED' and c.resolved_at < :cutOff
               and (exists (select 1 from case_message m where m.case_id = c.id and m.body <> '')
                    or exists (select 1 from case_attachment a where a.case_id = c.id))
            """;

    private final JdbcClient jdbc;

    CaseTextRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RetentionRule rule() {
        return RetentionRule.CLOSED_CASE_TEXT;
    }

    @Override
    public Touched preview(Instant cutOff, int sample) {
        Timestamp at = Timestamp.from(cutOff);
        long count = jdbc.sql("select count(*) " + DUE).param("cutOff", at).query(Long.class).single();
        var first = jdbc.sql("select '#' || c.id " + DUE + " order by c.resolved_at, c.id limit :sample")
                .param("cutOff", at).param("sample", sample).query(String.class).list();
        return new Touched(count, first);
    }

    @Override
    public int apply(Instant cutOff) {
        var due = jdbc.sql("select c.id " + DUE).param("cutOff", Timestamp.from(cutOff)).query(Long.class).list();
        if (due.isEmpty()) {
            return 0;
        }
        jdbc.sql("update case_message set body = '' where case_id in (:cases) and body <> ''").param("cases", due).update();
        jdbc.sql("delete from case_attachment where case_id in (:cases)").param("cases", due).update();
        return due.size();
    }
}
