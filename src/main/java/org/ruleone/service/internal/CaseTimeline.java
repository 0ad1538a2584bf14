package org.ruleone.service.internal;

import java.util.List;
import java.util.Locale;

import org.ruleone.customers.TimelineEntry;
import org.ruleone.customers.TimelineSource;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A client's cases on their timeline, beside their purchases. */
@Component
class CaseTimeline implements TimelineSource {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    CaseTimeline(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public List<TimelineEntry> timeline(long customerId, int limit, Locale locale) {
        return jdbc.sql("""
                select id, subject, channel, status, opened_at from service_case
                 where customer_id = :customer order by opened_at desc, id desc limit :limit
                """)
                .param("customer", customerId).param("limit", limit)
                .query((rs, n) -> new TimelineEntry(rs.getTimestamp("opened_at").toInstant(), "timeline.case",
                        message("timeline.case.title", locale, String.valueOf(rs.getLong("id")),
                                rs.getString("subject")),
                        message("timeline.case.detail", locale,
                                message("timeline.case.channel." + rs.getString("channel"), locale),
                                message("timeline.case.status." + rs.getString("status"), locale)),
                        "/cases/" + rs.getLong("id")))
                .list();
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
