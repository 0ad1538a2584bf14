package org.ruleone.clienteling.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.ruleone.clienteling.Task;
import org.ruleone.clienteling.TaskCounts;
import org.ruleone.clienteling.TaskKind;
import org.ruleone.clienteling.TaskSettings;
import org.ruleone.clienteling.TaskStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The task table. The client's name is read from the client book's table (read only, for display), so a list of
 * tasks is one query.
 */
@Repository
public class TaskRecords {

    private static final String SELECT = """
            select t.*, coalesce(nullif(trim(c.first_name || ' ' || c.last_name), ''),
                                 case when c.external_id is not null then '#' || c.external_id end, '') as customer_name
              from clienteling_task t left join customer_directory c on c.id = t.customer_id
            """;

    private final JdbcClient jdbc;

    public TaskRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a list asks for. */
    public record Filter(long storeId, Optional<Long> associateId, boolean withUnassigned, List<TaskStatus> statuses,
                         LocalDate dueFrom, LocalDate dueTo, Instant closedSince, Optional<TaskKind> kind,
                         Optional<Long> customerId, int limit) {
    }

    public List<Task> list(Filter f) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where t.store_id = :store");
        var params = new java.util.HashMap<String, Object>();
        params.put("store", f.storeId());
        f.associateId().ifPresent(a -> {
            sql.append(f.withUnassigned() ? " and (t.associate_id = :associate or t.associate_id is null)"
                    : " and t.associate_id = :associate");
            params.put("associate", a);
        });
        if (!f.statuses().isEmpty()) {
            sql.append(" and t.status = any(cast(:statuses as text[]))");
            params.put("statuses", f.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (f.dueFrom() != null) {
            sql.append(" and t.due_on >= :dueFrom");
            params.put("dueFrom", Date.valueOf(f.dueFrom()));
        }
        if (f.dueTo() != null) {
            sql.append(" and t.due_on <= :dueTo");
            params.put("dueTo", Date.valueOf(f.dueTo()));
        }
        if (f.closedSince() != null) {
            sql.append(" and t.closed_at >= :closedSince");
            params.put("closedSince", Timestamp.from(f.closedSince()));
        }
        f.kind().ifPresent(k -> {
            sql.append(" and t.kind = :kind");
            params.put("kind", k.name());
        });
        f.customerId().ifPresent(c -> {
            sql.append(" and t.customer_id = :customer");
            params.put("customer", c);
        });
        sql.append(f.closedSince() != null ? " order by t.closed_at desc, t.id desc" : " order by t.due_on, t.id");
        sql.append(" limit ").append(f.limit());
        return jdbc.sql(sql.toString()).params(params).query(TaskRecords::task).list();
    }

    public Optional<Task> find(long id, Optional<Long> storeScope) {
        return jdbc.sql(SELECT + " where t.id = :id and (cast(:scope as bigint) is null or t.store_id = :scope)")
                .param("id", id).param("scope", storeScope.orElse(null))
                .query(TaskRecords::task).optional();
    }

    public List<Task> find(Collection<Long> ids, Optional<Long> storeScope) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                 where t.id = any(cast(:ids as bigint[])) and (cast(:scope as bigint) is null or t.store_id = :scope)
                 order by t.due_on, t.id
                """)
                .param("ids", ids.toArray(Long[]::new)).param("scope", storeScope.orElse(null))
                .query(TaskRecords::task).list();
    }

    public Optional<Task> sendItemTask(long requestId) {
        return jdbc.sql(SELECT + " where t.kind = 'SEND_ITEM' and t.occasion = :occasion")
                .param("occasion", String.valueOf(requestId)).query(TaskRecords::task).optional();
    }

    /**
     * Stores a task's new status, only if it still stands where the change started from: of two people closing
     * the same task at once, the second finds it changed and stores nothing.
     *
     * @return false when the task is no longer in status {@code from}
     */
    public boolean save(Task changed, TaskStatus from) {
        return jdbc.sql("""
                update clienteling_task set status = :status, closed_at = :at, closed_by = :by, closed_note = :note
                 where id = :id and status = :from
                """)
                .param("status", changed.status().name())
                .param("at", changed.closedAt() == null ? null : Timestamp.from(changed.closedAt()))
                .param("by", changed.closedBy()).param("note", changed.closedNote() == null ? "" : changed.closedNote())
                .param("id", changed.id()).param("from", from.name())
                .update() == 1;
    }

    public long insertManual(long storeId, Long associateId, Long customerId, String title, LocalDate due, long by,
                             Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into clienteling_task (store_id, associate_id, customer_id, kind, title, due_on, created_at,
                                              created_by)
                values (:store, :associate, :customer, 'MANUAL', :title, :due, :at, :by)
                """)
                .param("store", storeId).param("associate", associateId).param("customer", customerId)
                .param("title", title).param("due", Date.valueOf(due)).param("at", Timestamp.from(at))
                .param("by", by)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<TaskCounts> counts(long storeId, LocalDate today, Instant closedSince) {
        return jdbc.sql("""
                select associate_id,
                       count(*) filter (where status = 'OPEN') as open,
                       count(*) filter (where status = 'OPEN' and due_on < :today) as overdue,
                       count(*) filter (where status = 'OPEN' and due_on = :today) as due_today,
                       count(*) filter (where status = 'DONE' and closed_at >= :since) as done,
                       count(*) filter (where status = 'SKIPPED' and closed_at >= :since) as skipped
                  from clienteling_task
                 where store_id = :store and (status = 'OPEN' or closed_at >= :since)
                 group by associate_id
                """)
                .param("store", storeId).param("today", Date.valueOf(today))
                .param("since", Timestamp.from(closedSince))
                .query((rs, n) -> new TaskCounts(rs.getObject("associate_id", Long.class), rs.getInt("open"),
                        rs.getInt("overdue"), rs.getInt("due_today"), rs.getInt("done"), rs.getInt("skipped")))
                .list();
    }

    /**
     * Per store, its open tasks due on its own today and before it ({dueToday, overdue}): one index range per store
     * (clienteling_task_store), whatever the number of tasks done long ago.
     */
    public java.util.Map<Long, int[]> duePerStore(java.util.Map<Long, LocalDate> today) {
        java.util.Map<Long, int[]> counts = new java.util.HashMap<>();
        if (today.isEmpty()) {
            return counts;
        }
        Long[] stores = today.keySet().toArray(Long[]::new);
        String[] days = java.util.Arrays.stream(stores).map(id -> today.get(id).toString()).toArray(String[]::new);
        jdbc.sql("""
                select s.store_id, n.due_today, n.overdue
                  from unnest(cast(:stores as bigint[]), cast(:days as date[])) as s(store_id, today)
                  cross join lateral (select count(*) filter (where t.due_on = s.today) as due_today,
                                             count(*) filter (where t.due_on < s.today) as overdue
                                        from clienteling_task t
                                       where t.store_id = s.store_id and t.status = 'OPEN'
                                         and t.due_on <= s.today) n
                 where n.due_today + n.overdue > 0
                """)
                .param("stores", stores).param("days", days)
                .query(rs -> {
                    counts.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3)});
                });
        return counts;
    }

    public TaskSettings settings(long storeId) {
        return jdbc.sql("select * from clienteling_settings where store_id = :store").param("store", storeId)
                .query((rs, n) -> new TaskSettings(storeId, rs.getObject("follow_up_days", Integer.class),
                        rs.getObject("lapsed_days", Integer.class), rs.getInt("date_lead_days")))
                .optional().orElse(TaskSettings.defaults(storeId));
    }

    public void save(TaskSettings s) {
        jdbc.sql("""
                insert into clienteling_settings (store_id, follow_up_days, lapsed_days, date_lead_days)
                values (:store, :followUp, :lapsed, :lead)
                on conflict (store_id) do update set follow_up_days = excluded.follow_up_days,
                       lapsed_days = excluded.lapsed_days, date_lead_days = excluded.date_lead_days
                """)
                .param("store", s.storeId()).param("followUp", s.followUpDays()).param("lapsed", s.lapsedDays())
                .param("lead", s.dateLeadDays()).update();
    }

    static Task task(ResultSet rs, int n) throws SQLException {
        Date occurs = rs.getDate("occurs_on");
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Task(rs.getLong("id"), rs.getLong("store_id"), rs.getObject("associate_id", Long.class),
                rs.getObject("customer_id", Long.class), rs.getString("customer_name"),
                TaskKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getDate("due_on").toLocalDate(),
                occurs == null ? null : occurs.toLocalDate(), rs.getObject("other_store_id", Long.class),
                TaskStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                closed == null ? null : closed.toInstant(), rs.getObject("closed_by", Long.class),
                rs.getString("closed_note"), rs.getString("occasion"));
    }
}
