package org.ruleone.experience.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What stops a survey whatever its trigger: the client opted out of surveys, or was surveyed too recently. */
@Component
public class InvitationChecks {

    private final JdbcClient jdbc;

    InvitationChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest survey decision is a withdrawal (a client who never decided is asked). */
    public boolean optedOut(long customerId) {
        return jdbc.sql("select not granted from customer_survey_consent where customer_id = :c")
                .param("c", customerId).query(Boolean.class).optional().orElse(false);
    }

    /**
     * Whether the client got another survey, or answered one, within the last {@code days} days before {@code now},
     * whatever the trigger (Formbricks' cooldown); 0 days: never too recent.
     */
    public boolean surveyedWithin(long customerId, long exceptInvitationId, int days, Instant now) {
        if (days == 0) {
            return false;
        }
        Timestamp since = Timestamp.from(now.minus(Duration.ofDays(days)));
        return Boolean.TRUE.equals(jdbc.sql("""
                select exists (select 1 from survey_invitation
                                where customer_id = :c and id <> :id and sent_at > :since and sent_at <= :now)
                    or exists (select 1 from survey_answer
                                where customer_id = :c and answered_at > :since and answered_at <= :now)
                """)
                .param("c", customerId).param("id", exceptInvitationId).param("since", since)
                .param("now", Timestamp.from(now)).query(Boolean.class).single());
    }
}
