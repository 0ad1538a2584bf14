package org.ruleone.experience;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.ruleone.experience.internal.SurveyTokens;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Invitations as the invitation work (scheduling, sending) leaves them once the mail is out: a SENT row and a link
 * token. Until that work is merged, tests of the page and of the loop start from here.
 */
public record SurveyFixtures(JdbcClient jdbc, SurveyTokens tokens) {

    /** What an invitation's answer row holds, for assertions. */
    public record StoredAnswer(long id, Integer comeBack, Integer satisfaction, String comment, boolean complete,
                               String channel, Long customerId, Long associateId, Long followUpCaseId,
                               String language, Long wordingId) {
    }

    /**
     * A sent invitation and the token of its link.
     *
     * @param trigger CASE_RESOLVED, PURCHASE, IN_STORE or API
     */
    public Sent sent(long storeId, Long customerId, Long associateId, String trigger, Long caseId, String language,
                     Instant sentAt) {
        long id = jdbc.sql("""
                insert into survey_invitation (store_id, customer_id, associate_id, trigger, case_id, language, status,
                                               due_at, sent_at, expires_at, created_at)
                values (:store, :customer, :associate, :trigger, :case, :language, 'SENT', :at, :at, :expires, :at)
                returning id""")
                .param("store", storeId).param("customer", customerId).param("associate", associateId)
                .param("trigger", trigger).param("case", caseId).param("language", language)
                .param("at", Timestamp.from(sentAt)).param("expires", Timestamp.from(sentAt.plus(Duration.ofDays(30))))
                .query(Long.class).single();
        return new Sent(id, tokens.issue(id));
    }

    public record Sent(long invitationId, String token) {
    }

    public String status(long invitationId) {
        return jdbc.sql("select status from survey_invitation where id = :id").param("id", invitationId)
                .query(String.class).single();
    }

    public java.util.Optional<StoredAnswer> answerOf(long invitationId) {
        return answers("where invitation_id = :id", invitationId).stream().findFirst();
    }

    public java.util.List<StoredAnswer> answersOfStore(long storeId) {
        return answers("where store_id = :id order by id", storeId);
    }

    public java.util.Optional<Long> followUpOf(long answerId) {
        return jdbc.sql("select follow_up_case_id from survey_answer where id = :id").param("id", answerId)
                .query((rs, n) -> (Long) rs.getObject(1)).optional().flatMap(java.util.Optional::ofNullable);
    }

    private java.util.List<StoredAnswer> answers(String where, long id) {
        return jdbc.sql("""
                select id, come_back, satisfaction, comment, complete, channel, customer_id, associate_id,
                       follow_up_case_id, language, wording_id
                  from survey_answer\s""" + where)
                .param("id", id)
                .query((rs, n) -> new StoredAnswer(rs.getLong(1), (Integer) rs.getObject(2), (Integer) rs.getObject(3),
                        rs.getString(4), rs.getBoolean(5), rs.getString(6), (Long) rs.getObject(7),
                        (Long) rs.getObject(8), (Long) rs.getObject(9), rs.getString(10), (Long) rs.getObject(11)))
                .list();
    }
}
