package org.ruleone.experience.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How many answers one address may send through the stores' own survey pages (ADR 0095): a Bucket4j token bucket
 * per address, in the database so it counts across nodes, on the application's clock so tests can move it. Generous
 * enough for a shop's guest Wi-Fi, too tight for a script filling the figures.
 */
@Component
public class StorePageThrottle {

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> addresses;
    private final BucketConfiguration perAddress;

    StorePageThrottle(DataSource dataSource, Clock clock,
                      @Value("${ruleone.survey.store-page.answers-per-address:10}") int answers,
                      @Value("${ruleone.survey.store-page.window:PT1H}") Duration window) {
        this.addresses = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("survey_address_bucket")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .clientClock(new ClockTime(clock))
                .build();
        this.perAddress = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(answers).refillGreedy(answers, window))
                .build();
    }

    /** Counts one answer from this address; false when it has sent its share for now. */
    public boolean tryAnswer(String remoteAddr) {
        return addresses.builder().build(remoteAddr == null ? "" : remoteAddr, () -> perAddress).tryConsume(1);
    }

    /** Forgets the buckets that are full again. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
    void sweep() {
        int removed;
        do {
            removed = addresses.removeExpired(1000);
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
