package org.ruleone.experience;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The survey answers in the order they were first stored, a page at a time after a cursor, for integrations
 * ({@code GET /api/surveys/answers}). The cursor is the last answer id a page held: stable, since ids only grow.
 */
@Service
public class SurveyAnswerFeed {

    public static final int MAX_PAGE = 500;

    private final JdbcClient jdbc;

    SurveyAnswerFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One answer as it stands (a survey being answered shows {@code complete} false until it is submitted).
     *
     * @param channel how it was asked: after a case, a purchase, in store, by API, or imported
     */
    public record Answer(long id, long storeId, Long customerId, Long associateId, SurveyChannel channel,
                         Integer comeBack, Integer satisfaction, String comment, boolean complete, String language,
                         Instant answeredAt, Long caseId, String invoice, Long followUpCaseId, String externalId) {
    }

    /** @param more whether answers follow the last one of this page */
    public record Page(List<Answer> answers, boolean more) {
    }

    /** Up to {@code size} answers with an id above {@code after}, of one store or (empty) of every store. */
    public Page after(long after, Optional<Long> storeId, int size) {
        int limit = Math.clamp(size, 1, MAX_PAGE);
        List<Answer> answers = jdbc.sql("""
                select id, store_id, customer_id, associate_id, channel, come_back, satisfaction, comment, complete,
                       language, answered_at, case_id, invoice, follow_up_case_id, external_id
                  from survey_answer
                 where id > :after and (cast(:store as bigint) is null or store_id = :store)
                 order by id
                 limit :limit
                """)
                .param("after", after).param("store", storeId.orElse(null)).param("limit", limit + 1)
                .query(SurveyAnswerFeed::answer).list();
        boolean more = answers.size() > limit;
        return new Page(more ? answers.subList(0, limit) : answers, more);
    }

    private static Answer answer(ResultSet rs, int row) throws SQLException {
        return new Answer(rs.getLong("id"), rs.getLong("store_id"), (Long) rs.getObject("customer_id"),
                (Long) rs.getObject("associate_id"), SurveyChannel.valueOf(rs.getString("channel")),
                (Integer) rs.getObject("come_back"), (Integer) rs.getObject("satisfaction"), rs.getString("comment"),
                rs.getBoolean("complete"), rs.getString("language"), rs.getTimestamp("answered_at").toInstant(),
                (Long) rs.getObject("case_id"), rs.getString("invoice"), (Long) rs.getObject("follow_up_case_id"),
                rs.getString("external_id"));
    }
}
