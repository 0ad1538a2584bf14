package org.ruleone.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * Bucket4j token buckets kept in a table of the caller's (Bucket4j's PostgreSQL layout: {@code id text primary key,
 * state bytea, expires_at bigint}), one per key such as a remote address, so a limit holds across nodes and restarts
 * (ADR 0070). Time is the application's clock, so tests that move it move the buckets too. A row expires when its
 * bucket would be full again; {@link #sweep()} removes those.
 */
public final class AddressBuckets {

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final BucketConfiguration configuration;

    /** {@code capacity} takes per key, refilled greedily over {@code window}. */
    public AddressBuckets(DataSource dataSource, Clock clock, String table, int capacity, Duration window) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(table)
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .clientClock(new ClockTime(clock))
                .build();
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                .build();
    }

    /** The bucket of this key (asking about it stores one). */
    public BucketProxy bucket(String key) {
        return buckets.builder().build(key, () -> configuration);
    }

    public long capacity() {
        return configuration.getBandwidths()[0].getCapacity();
    }

    /** Forgets a key's bucket: it starts full again. */
    public void remove(String key) {
        buckets.removeProxy(key);
    }

    /** Removes the buckets that are full again, a thousand rows at a time. */
    public void sweep() {
        int removed;
        do {
            removed = buckets.removeExpired(1000);
        } while (removed == 1000);
    }

    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
