package org.ruleone.platform.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits the event publications a running node left incomplete (a listener failed, or the database went away
 * between the work's commit and its listeners), so the work after an event is done within minutes rather than at
 * the next start of a node. One node at a time does it: the run holds a PostgreSQL advisory lock; a node that does
 * not get it skips the run. See ADR 0076.
 */
@Component
public class EventResubmission {

    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

    /** The advisory lock held by the node that resubmits (one 64-bit key, apart from the two-key locks). */
    public static final long LOCK = 0x52_31_45_56_45_4e_54_53L;

    private final IncompleteEventPublications publications;
    private final DataSource dataSource;
    private final Clock clock;
    private final Duration olderThan;
    private final Duration stuckAfter;

    EventResubmission(IncompleteEventPublications publications, DataSource dataSource, Clock clock,
                      @Value("${ruleone.events.resubmit-older-than:PT1M}") Duration olderThan,
                      @Value("${ruleone.events.resubmission-stuck-after:PT10M}") Duration stuckAfter) {
        this.publications = publications;
        this.dataSource = dataSource;
        this.clock = clock;
        this.olderThan = olderThan;
        this.stuckAfter = stuckAfter;
    }

    @Scheduled(fixedDelayString = "${ruleone.events.resubmit-every:PT1M}",
            initialDelayString = "${ruleone.events.resubmit-initial-delay:PT1M}")
    public void resubmitScheduled() {
        try {
            resubmit();
        } catch (SQLException | RuntimeException ex) {
            log.warn("Resubmitting incomplete event publications failed; it runs again shortly", ex);
        }
    }

    /**
     * Resubmits every incomplete publication older than the configured age, unless another node is doing it.
     *
     * @return whether this node held the lock and resubmitted
     */
    public boolean resubmit() throws SQLException {
        // The lock lives in a transaction of its own connection: the listeners and the registry run in their own
        // transactions beside it (holding the registry's rows in this one would block their updates), and the
        // lock goes with the connection if the node or the database dies.
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try {
                if (!tryLock(lock)) {
                    return false;
                }
                int unstuck = releaseStuckResubmissions();
                if (unstuck > 0) {
                    log.warn("{} event publications were resubmitted more than {} ago and never finished; "
                            + "they are retried", unstuck, stuckAfter);
                }
                publications.resubmitIncompletePublicationsOlderThan(olderThan);
                return true;
            } finally {
                lock.rollback();
            }
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            s.setLong(1, LOCK);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /**
     * The registry claims a publication by marking it RESUBMITTED and never claims a RESUBMITTED one again; one
     * whose resubmission died with its node (or its database) would stay incomplete forever. Only the lock holder
     * resubmits, so an old RESUBMITTED publication is not running any more: it is marked FAILED, to be claimed again.
     */
    private int releaseStuckResubmissions() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement s = c.prepareStatement("""
                    update event_publication set status = 'FAILED'
                     where status = 'RESUBMITTED' and completion_date is null and last_resubmission_date < ?
                    """)) {
                s.setTimestamp(1, Timestamp.from(clock.instant().minus(stuckAfter)));
                return s.executeUpdate();
            }
        }
    }
}
