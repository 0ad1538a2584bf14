package org.ruleone.experience.internal;

import java.sql.Timestamp;

import org.ruleone.mail.BounceReceived;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A survey mail (or one of its reminders) that bounced for good marks its invitation BOUNCED, with no more reminders,
 * as campaigns marks its recipients. After the mail module's transaction, in the background (ADR 0088); running it
 * twice changes nothing more.
 */
@Component
class InvitationBounces {

    private final JdbcClient jdbc;

    InvitationBounces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    public void on(BounceReceived bounce) {
        String mid = bounce.originalMessageId() == null ? "" : bounce.originalMessageId().strip();
        if (!bounce.permanent() || mid.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update survey_invitation set status = 'BOUNCED', bounced_at = :at, next_reminder_at = null
                 where id = (select invitation_id from survey_invitation_mail where message_id = :mid)
                   and status = 'SENT'
                """)
                .param("at", Timestamp.from(bounce.at())).param("mid", mid).update();
    }
}
