package org.ruleone.clienteling.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.ruleone.catalog.ItemRequested;
import org.ruleone.clienteling.TaskSettings;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.purchases.PurchasesRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates tasks from events and from the calendar, set-based (one statement per kind, whatever the size of the
 * batch) and idempotent: a unique index on (kind, client, occasion) makes a second run add nothing, so one
 * thank-you per client ever, one birthday task per client per year, one follow-up per purchase day, one lapsed
 * reminder per last purchase. Several nodes may run the calendar scan at once for the same reason.
 *
 * <p>A task goes to the associate who keeps the client's book when they are active, else to the whole store.
 * The client's store, book keeper and important dates are read from the client book's published views (ADR 0089).
 */
@Component
public class TaskGeneration {

    /** A first purchase older than this (an import of old sales) is history, not a new client to thank. */
    public static final Duration THANK_YOU_WINDOW = Duration.ofDays(30);

    private static final Logger log = LoggerFactory.getLogger(TaskGeneration.class);

    private final JdbcClient jdbc;
    private final Organization organization;
    private final TaskRecords records;
    private final Clock clock;

    public TaskGeneration(JdbcClient jdbc, Organization organization, TaskRecords records, Clock clock) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.records = records;
        this.clock = clock;
    }

    @ApplicationModuleListener
    public void on(PurchasesRecorded event) {
        log.debug("PurchasesRecorded for {} clients received", event.clients().size());
        purchasesRecorded(event);
    }

    @ApplicationModuleListener
    public void on(ItemRequested event) {
        itemRequested(event);
    }

    /** Hourly: birthdays, anniversaries and lapsed clients of every store, each on its own calendar. */
    @Scheduled(cron = "${ruleone.clienteling.scan-cron:0 7 * * * *}")
    public void scanCalendar() {
        for (StoreSummary store : organization.stores()) {
            try {
                scanStore(store.id());
            } catch (RuntimeException e) {
                log.warn("Task scan of store {} failed", store.id(), e);
            }
        }
    }

    /** The thank-you notes, follow-ups and purchase dates of one batch of purchases. */
    @Transactional
    public void purchasesRecorded(PurchasesRecorded event) {
        if (event.clients().isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        int n = event.clients().size();
        Long[] ids = new Long[n];
        String[] firsts = new String[n];
        String[] lasts = new String[n];
        Boolean[] firstEver = new Boolean[n];
        for (int i = 0; i < n; i++) {
            var c = event.clients().get(i);
            ids[i] = c.customerId();
            firsts[i] = c.firstAt().toString();
            lasts[i] = c.lastAt().toString();
            firstEver[i] = c.firstEver();
        }
        jdbc.sql("""
                insert into clienteling_activity (customer_id, first_purchase_at, last_purchase_at)
                select id, cast(f as timestamptz), cast(l as timestamptz)
                  from unnest(cast(:ids as bigint[]), cast(:firsts as text[]), cast(:lasts as text[])) as t(id, f, l)
                on conflict (customer_id) do update
                   set first_purchase_at = least(clienteling_activity.first_purchase_at, excluded.first_purchase_at),
                       last_purchase_at = greatest(clienteling_activity.last_purchase_at, excluded.last_purchase_at)
                """).param("ids", ids).param("firsts", firsts).param("lasts", lasts).update();
        // As of when the purchases were stored, not when this runs: a republished event makes the same tasks.
        Instant now = event.at() != null ? event.at() : clock.instant();
        // Tasks land in the client's store (usually the store of the purchase), on that store's calendar: one
        // statement per kind and store the batch's clients belong to.
        List<Long> storeIds = jdbc.sql(
                        "select distinct store_id from customer_directory where id = any(cast(:ids as bigint[]))")
                .param("ids", ids).query(Long.class).list();
        for (StoreSummary store : organization.stores()) {
            if (!storeIds.contains(store.id())) {
                continue;
            }
            ZoneId zone = store.timeZone();
            LocalDate today = LocalDate.ofInstant(now, zone);
            Long[] active = activeAssociates(store.id());
            int thanks = jdbc.sql("""
                    insert into clienteling_task (store_id, associate_id, customer_id, kind, occasion, due_on,
                                                  occurs_on, created_at)
                    select c.store_id, case when c.associate_id = any(cast(:active as bigint[])) then c.associate_id end,
                           c.id, 'THANK_YOU', '', d, d, :now
                      from unnest(cast(:ids as bigint[]), cast(:firsts as text[]), cast(:firstEver as boolean[]))
                           as t(id, f, first_ever)
                      join customer_directory c on c.id = t.id
                      cross join lateral (select cast(cast(f as timestamptz) at time zone :zone as date) as d) x
                     where t.first_ever and c.store_id = :store and cast(f as timestamptz) >= :since
                    on conflict do nothing
                    """)
                    .param("active", active).param("ids", ids).param("firsts", firsts).param("firstEver", firstEver)
                    .param("now", Timestamp.from(now)).param("zone", zone.getId()).param("store", store.id())
                    .param("since", Timestamp.from(now.minus(THANK_YOU_WINDOW)))
                    .update();
            TaskSettings settings = records.settings(store.id());
            int followUps = 0;
            if (settings.followUpDays() != null) {
                followUps = jdbc.sql("""
                        insert into clienteling_task (store_id, associate_id, customer_id, kind, occasion, due_on,
                                                      occurs_on, created_at)
                        select c.store_id,
                               case when c.associate_id = any(cast(:active as bigint[])) then c.associate_id end,
                               c.id, 'FOLLOW_UP', to_char(d, 'YYYY-MM-DD'), d + cast(:days as int), d, :now
                          from unnest(cast(:ids as bigint[]), cast(:lasts as text[])) as t(id, l)
                          join customer_directory c on c.id = t.id
                          cross join lateral (select cast(cast(l as timestamptz) at time zone :zone as date) as d) x
                         where c.store_id = :store and d + cast(:days as int) >= cast(:today as date)
                        on conflict do nothing
                        """)
                        .param("active", active).param("ids", ids).param("lasts", lasts)
                        .param("days", settings.followUpDays()).param("now", Timestamp.from(now))
                        .param("zone", zone.getId()).param("store", store.id()).param("today", Date.valueOf(today))
                        .update();
            }
            if (thanks + followUps == 0) {
                log.debug("Store {}: no task from {} clients' purchases in {} ms", store.id(), n,
                        (System.nanoTime() - started) / 1_000_000);
            } else {
                log.info("Store {}: {} thank-you and {} follow-up tasks from {} clients' purchases in {} ms",
                        store.id(), thanks, followUps, n, (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    /** Another store asked this one to send an item to a client. */
    @Transactional
    public void itemRequested(ItemRequested event) {
        ZoneId zone = organization.store(event.fromStoreId()).map(StoreSummary::timeZone).orElse(ZoneId.of("UTC"));
        Instant asked = event.at() != null ? event.at() : clock.instant();
        String item = (event.productName() == null ? "" : event.productName().strip())
                + (event.sku() == null || event.sku().isBlank() ? "" : " (" + event.sku().strip() + ")")
                + " × " + event.quantity();
        jdbc.sql("""
                insert into clienteling_task (store_id, customer_id, kind, occasion, title, other_store_id, due_on,
                                              created_at, created_by)
                values (:store, :customer, 'SEND_ITEM', :occasion, :title, :other, :due, :now, :by)
                on conflict do nothing
                """)
                .param("store", event.fromStoreId()).param("customer", event.customerId())
                .param("occasion", String.valueOf(event.requestId())).param("title", item.strip())
                .param("other", event.toStoreId())
                .param("due", Date.valueOf(LocalDate.ofInstant(asked, zone)))
                .param("now", Timestamp.from(asked)).param("by", event.requestedBy())
                .update();
    }

    /** Birthdays and anniversaries coming within the store's lead time, and lapsed clients; returns tasks added. */
    @Transactional
    public int scanStore(long storeId) {
        Optional<StoreSummary> store = organization.store(storeId);
        if (store.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, store.get().timeZone());
        TaskSettings settings = records.settings(storeId);
        Long[] active = activeAssociates(storeId);
        // The next occurrence this year or next; 29 February falls on the 28th in other years.
        int dates = jdbc.sql("""
                insert into clienteling_task (store_id, associate_id, customer_id, kind, occasion, due_on, occurs_on,
                                              created_at)
                select c.store_id, case when c.associate_id = any(cast(:active as bigint[])) then c.associate_id end,
                       c.id, d.kind, cast(o.yr as text), greatest(cast(:today as date), o.occurs - cast(:lead as int)), o.occurs, :now
                  from customer_dates d
                  join customer_directory c on c.id = d.customer_id
                  cross join lateral (
                      select y.yr, make_date(y.yr, d.month, least(d.day,
                                 extract(day from make_date(y.yr, d.month, 1) + interval '1 month' - interval '1 day')
                                 ::int)) as occurs
                        from (values (cast(:year as int)), (cast(:year as int) + 1)) as y(yr)) o
                 where c.store_id = :store and d.kind in ('BIRTHDAY', 'ANNIVERSARY')
                   and o.occurs between cast(:today as date) and cast(:today as date) + cast(:lead as int)
                on conflict do nothing
                """)
                .param("active", active).param("today", Date.valueOf(today)).param("lead", settings.dateLeadDays())
                .param("now", Timestamp.from(now)).param("year", today.getYear()).param("store", storeId)
                .update();
        int lapsed = 0;
        if (settings.lapsedDays() != null) {
            lapsed = jdbc.sql("""
                    insert into clienteling_task (store_id, associate_id, customer_id, kind, occasion, due_on,
                                                  occurs_on, created_at)
                    select c.store_id, case when c.associate_id = any(cast(:active as bigint[])) then c.associate_id end,
                           c.id, 'LAPSED', to_char(l, 'YYYY-MM-DD'), cast(:today as date), l, :now
                      from clienteling_activity a
                      join customer_directory c on c.id = a.customer_id
                      cross join lateral (select cast(a.last_purchase_at at time zone :zone as date) as l) x
                     where c.store_id = :store and l <= cast(:today as date) - cast(:days as int)
                    on conflict do nothing
                    """)
                    .param("active", active).param("today", Date.valueOf(today)).param("now", Timestamp.from(now))
                    .param("zone", store.get().timeZone().getId()).param("store", storeId)
                    .param("days", settings.lapsedDays())
                    .update();
        }
        return dates + lapsed;
    }

    private Long[] activeAssociates(long storeId) {
        List<AssociateSummary> people = organization.associates(Optional.of(storeId));
        return people.stream().filter(AssociateSummary::active).map(AssociateSummary::id).toArray(Long[]::new);
    }
}
