package org.ruleone.clienteling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.ruleone.clienteling.internal.TaskGeneration;
import org.ruleone.clienteling.internal.TaskRecords;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clienteling tasks' public API. Methods that take a store scope (empty for an owner) treat a task of another
 * store as missing.
 */
@Service
public class Tasks {

    /** Done and skipped tasks count as "recent" for this long. */
    public static final Duration RECENT = Duration.ofDays(30);
    public static final int LIST_LIMIT = 200;

    private final TaskRecords records;
    private final TaskGeneration generation;
    private final Organization organization;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Tasks(TaskRecords records, TaskGeneration generation, Organization organization, ApplicationEventPublisher events,
          Clock clock) {
        this.records = records;
        this.generation = generation;
        this.organization = organization;
        this.events = events;
        this.clock = clock;
    }

    /** Whose tasks a list shows. */
    public record Who(long storeId, Optional<Long> associateId, boolean withUnassigned) {

        /** Everything in the store. */
        public static Who store(long storeId) {
            return new Who(storeId, Optional.empty(), true);
        }

        /** One associate's tasks and the ones for anyone in the store. */
        public static Who associate(long storeId, long associateId) {
            return new Who(storeId, Optional.of(associateId), true);
        }

        /** Only the tasks given to one associate. */
        public static Who only(long storeId, long associateId) {
            return new Who(storeId, Optional.of(associateId), false);
        }
    }

    /** The store's today, on its own clock and time zone. */
    public LocalDate today(long storeId) {
        ZoneId zone = organization.store(storeId).map(StoreSummary::timeZone).orElse(ZoneId.of("UTC"));
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Open tasks due on or before {@code until} (overdue ones included), soonest first. */
    public List<Task> open(Who who, LocalDate until) {
        return records.list(filter(who, List.of(TaskStatus.OPEN), null, until, null, Optional.empty(),
                Optional.empty()));
    }

    /** Open tasks due after {@code after} and up to {@code until}. */
    public List<Task> coming(Who who, LocalDate after, LocalDate until) {
        return records.list(filter(who, List.of(TaskStatus.OPEN), after.plusDays(1), until, null, Optional.empty(),
                Optional.empty()));
    }

    /** Done or skipped in the last {@link #RECENT}, newest first. */
    public List<Task> closedRecently(Who who) {
        return records.list(filter(who, List.of(TaskStatus.DONE, TaskStatus.SKIPPED), null, null,
                clock.instant().minus(RECENT), Optional.empty(), Optional.empty()));
    }

    /** Open thank-you notes to write, oldest first. */
    public List<Task> openThankYous(Who who) {
        return records.list(filter(who, List.of(TaskStatus.OPEN), null, null, null, Optional.of(TaskKind.THANK_YOU),
                Optional.empty()));
    }

    /** Every task about one client (open and closed), for the client's page. */
    public List<Task> ofClient(long storeId, long customerId) {
        return records.list(filter(Who.store(storeId), List.of(), null, null, null, Optional.empty(),
                Optional.of(customerId)));
    }

    /** Counts per associate of a store (the entry with a null associate: tasks for anyone). */
    public List<TaskCounts> countsPerAssociate(long storeId) {
        return records.counts(storeId, today(storeId), clock.instant().minus(RECENT));
    }

    /** A store's open tasks due today and overdue (by the store's own date). */
    public record DueCounts(int dueToday, int overdue) {
    }

    /**
     * Each store's open tasks due today and overdue, over all its associates, in one query; "today" is each store's
     * own date. A store with neither is absent.
     */
    public java.util.Map<Long, DueCounts> duePerStore(Collection<StoreSummary> stores) {
        Instant now = clock.instant();
        java.util.Map<Long, LocalDate> today = new java.util.HashMap<>();
        for (StoreSummary s : stores) {
            today.put(s.id(), LocalDate.ofInstant(now, s.timeZone()));
        }
        java.util.Map<Long, DueCounts> due = new java.util.HashMap<>();
        records.duePerStore(today).forEach((store, counts) -> due.put(store, new DueCounts(counts[0], counts[1])));
        return due;
    }

    /** The task made in the asked store for an item another store requested, to show its state to the asker. */
    public Optional<Task> forItemRequest(long requestId) {
        return records.sendItemTask(requestId);
    }

    public Optional<Task> find(long id, Optional<Long> storeScope) {
        return records.find(id, storeScope);
    }

    public List<Task> find(Collection<Long> ids, Optional<Long> storeScope) {
        return records.find(ids, storeScope);
    }

    /**
     * Marks an open task done or skipped.
     *
     * @return false when there is no such task in scope, or it is not open (closed already, perhaps by someone a
     *         moment earlier): nothing is stored then
     */
    @Transactional
    public boolean close(long id, Optional<Long> storeScope, TaskStatus status, long by, String note) {
        return closeAll(List.of(id), storeScope, status, by, note) == 1;
    }

    /**
     * Marks several open tasks done or skipped at once (a printed batch of notes); tasks out of scope or already
     * closed are left alone.
     *
     * @return how many were closed
     */
    @Transactional
    public int closeAll(Collection<Long> ids, Optional<Long> storeScope, TaskStatus status, long by, String note) {
        if (status == TaskStatus.OPEN) {
            throw new IllegalArgumentException("Closing needs DONE or SKIPPED");
        }
        Instant now = clock.instant();
        int closed = 0;
        for (Task t : records.find(ids, storeScope)) {
            if (t.open()) {
                Task done = t.close(status, by, now, note);
                if (records.save(done, TaskStatus.OPEN)) {
                    events.publishEvent(done.closed());
                    closed++;
                }
            }
        }
        return closed;
    }

    /**
     * Opens a done or skipped task again.
     *
     * @return false when there is no such task in scope or it is open already: nothing is stored then
     */
    @Transactional
    public boolean reopen(long id, Optional<Long> storeScope) {
        return records.find(id, storeScope).filter(t -> !t.open())
                .map(t -> records.save(t.reopen(), t.status())).orElse(false);
    }

    /**
     * Adds a task by hand.
     *
     * @param associateId who should do it; {@code null}: anyone in the store
     * @throws IllegalArgumentException when the title is blank or the associate does not work in the store
     */
    @Transactional
    public long add(long storeId, Long associateId, Long customerId, String title, LocalDate due, long by) {
        if (title == null || title.isBlank() || title.strip().length() > 500) {
            throw new IllegalArgumentException("A task needs a title of at most 500 characters");
        }
        if (associateId != null && !organization.mayActIn(associateId, storeId)) {
            throw new IllegalArgumentException("Associate " + associateId + " does not work in store " + storeId);
        }
        return records.insertManual(storeId, associateId, customerId, title.strip(), due, by, clock.instant());
    }

    private static TaskRecords.Filter filter(Who who, List<TaskStatus> statuses, LocalDate dueFrom, LocalDate dueTo,
                                             Instant closedSince, Optional<TaskKind> kind,
                                             Optional<Long> customerId) {
        return new TaskRecords.Filter(who.storeId(), who.associateId(), who.withUnassigned(), statuses, dueFrom,
                dueTo, closedSince, kind, customerId, LIST_LIMIT);
    }

    public TaskSettings settings(long storeId) {
        return records.settings(storeId);
    }

    /** Saves a store's settings and applies them at once (birthdays and lapsed clients are scanned again). */
    @Transactional
    public void saveSettings(TaskSettings settings) {
        records.save(settings);
        generation.scanStore(settings.storeId());
    }

    /** Scans one store's calendar now (birthdays, anniversaries, lapsed clients); returns the tasks added. */
    public int scanNow(long storeId) {
        return generation.scanStore(storeId);
    }
}
