package org.ruleone.experience.internal;

import java.util.List;
import java.util.Locale;

import org.ruleone.customers.TimelineEntry;
import org.ruleone.customers.TimelineSource;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A client's survey invitations on their timeline: when sent (or due), after what, and what became of them. */
@Component
class InvitationTimeline implements TimelineSource {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    InvitationTimeline(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public List<TimelineEntry> timeline(long customerId, int limit, Locale locale) {
        return jdbc.sql("""
                select trigger, case_id, status, skipped_reason, reminders_sent, coalesce(sent_at, due_at) as at
                  from survey_invitation where customer_id = :customer
                 order by coalesce(sent_at, due_at) desc, id desc limit :limit
                """)
                .param("customer", customerId).param("limit", limit)
                .query((rs, n) -> {
                    String status = rs.getString("status");
                    String detail = message("experience.invitation.status." + status, locale);
                    if (rs.getString("skipped_reason") != null) {
                        detail += " · " + message("experience.invitation.skipped." + rs.getString("skipped_reason"),
                                locale);
                    }
                    if (rs.getInt("reminders_sent") > 0) {
                        detail += " · " + message("experience.invitation.reminders", locale,
                                rs.getInt("reminders_sent"));
                    }
                    long caseId = rs.getLong("case_id");
                    boolean afterCase = !rs.wasNull();
                    return new TimelineEntry(rs.getTimestamp("at").toInstant(), "experience.invitation.timeline",
                            message("experience.invitation.timeline." + rs.getString("trigger"), locale,
                                    afterCase ? String.valueOf(caseId) : ""),
                            detail, afterCase ? "/cases/" + caseId : null);
                })
                .list();
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
