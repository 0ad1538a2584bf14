package org.ruleone.experience.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.ruleone.customers.RetentionTarget;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Survey comments older than the owner's period go; the scores stay, and every figure with them (ADR 0118). */
@Component
class SurveyCommentRetention implements RetentionTarget {

    private static final String DUE = """
            from survey_answer where comment is not null and answered_at < :cutOff
            """;

    private final JdbcClient jdbc;

    SurveyCommentRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RetentionRule rule() {
        return RetentionRule.SURVEY_COMMENTS;
    }

    @Override
    public Touched preview(Instant cutOff, int sample) {
        Timestamp at = Timestamp.from(cutOff);
        long count = jdbc.sql("select count(*) " + DUE).param("cutOff", at).query(Long.class).single();
        var first = jdbc.sql("select '#' || id " + DUE + " order by id limit :sample")
                .param("cutOff", at).param("sample", sample).query(String.class).list();
        return new Touched(count, first);
    }

    @Override
    public int apply(Instant cutOff) {
        return jdbc.sql("update survey_answer set comment = null where comment is not null and answered_at < :cutOff")
                .param("cutOff", Timestamp.from(cutOff)).update();
    }
}
