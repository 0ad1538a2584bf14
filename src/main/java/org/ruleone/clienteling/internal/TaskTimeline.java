package org.ruleone.clienteling.internal;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.ruleone.customers.TimelineEntry;
import org.ruleone.customers.TimelineSource;
import org.ruleone.platform.Formats;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A client's tasks on their timeline: when a task was made and, once done or skipped, when and by whom (so a
 * thank-you note sent, or an item another store was asked to send, shows on the client's page).
 */
@Component
class TaskTimeline implements TimelineSource {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    TaskTimeline(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public List<TimelineEntry> timeline(long customerId, int limit, Locale locale) {
        return jdbc.sql("""
                select t.kind, t.status, t.title, t.due_on, coalesce(t.closed_at, t.created_at) as at,
                       a.name as closed_by_name
                  from clienteling_task t left join associate_directory a on a.id = t.closed_by
                 where t.customer_id = :customer
                 order by coalesce(t.closed_at, t.created_at) desc, t.id desc limit :limit
                """)
                .param("customer", customerId).param("limit", limit)
                .query((rs, n) -> {
                    String kind = message("tasks.kind." + rs.getString("kind"), locale);
                    String title = rs.getString("title").isEmpty() ? kind : kind + ": " + rs.getString("title");
                    String status = rs.getString("status");
                    String detail = "OPEN".equals(status)
                            ? message("timeline.task.open", locale, Formats.of(locale).date(rs.getDate("due_on").toLocalDate()))
                            : message("timeline.task." + status, locale, rs.getString("closed_by_name"));
                    return new TimelineEntry(rs.getTimestamp("at").toInstant().atOffset(ZoneOffset.UTC).toInstant(),
                            "timeline.task", title, detail, "/tasks");
                })
                .list();
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
