package org.ruleone.platform.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import org.ruleone.platform.AddressBuckets;
import org.ruleone.platform.SignInLocks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without locking people out (ADR 0070). Two separate counts, both in the
 * database so they hold across nodes and restarts:
 * <ul>
 * <li>per account: after a few failures in a row, each further attempt waits, and each further failure doubles
 * the wait, up to a cap; a success clears it;</li>
 * <li>per address: a much higher number of failures (from any accounts) in a window, a Bucket4j token bucket, so
 * a shop's shared Wi-Fi does not lock out every colleague when one of them mistypes.</li>
 * </ul>
 */
@Component
class LoginThrottle implements SignInLocks {

    /** A streak of failures is forgotten this long after its last failure. */
    static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int freeFailures;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final AddressBuckets addresses;

    LoginThrottle(JdbcClient jdbc, DataSource dataSource, Clock clock,
                  @Value("${ruleone.login.free-failures:5}") int freeFailures,
                  @Value("${ruleone.login.first-delay:PT30S}") Duration firstDelay,
                  @Value("${ruleone.login.max-delay:PT15M}") Duration maxDelay,
                  @Value("${ruleone.login.address-max-failures:100}") int addressMaxFailures,
                  @Value("${ruleone.login.address-window:PT15M}") Duration addressWindow) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.addresses = new AddressBuckets(dataSource, clock, "login_address_bucket", addressMaxFailures,
                addressWindow);
    }

    /** The user name as sign-in reads it: {@code Organization.signInDetails} trims it and ignores case. */
    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** True when this attempt must not even be checked: its account is made to wait, or its address. */
    boolean isRefused(String username, String remoteAddr) {
        boolean accountWaits = jdbc.sql("""
                select exists (select 1 from login_account_delay where username = :name and refused_until > :now)
                """)
                .param("name", normalise(username)).param("now", Timestamp.from(clock.instant()))
                .query(Boolean.class).single();
        return accountWaits || (remoteAddr != null && hasFailed(remoteAddr)
                && !address(remoteAddr).estimateAbilityToConsume(1).canBeConsumed());
    }

    /** Asking Bucket4j about an address would store a bucket for it: most addresses never fail at all. */
    private boolean hasFailed(String remoteAddr) {
        return jdbc.sql("select exists (select 1 from login_address_bucket where id = :addr)")
                .param("addr", remoteAddr).query(Boolean.class).single();
    }

    void failed(String username, String remoteAddr) {
        Instant now = clock.instant();
        int failures = jdbc.sql("""
                insert into login_account_delay as d (username, failures, last_failure_at)
                values (:name, 1, :now)
                on conflict (username) do update
                   set failures = case when d.last_failure_at < :forget then 1 else d.failures + 1 end,
                       last_failure_at = :now
                returning failures
                """)
                .param("name", normalise(username)).param("now", Timestamp.from(now))
                .param("forget", Timestamp.from(now.minus(FORGET_AFTER)))
                .query(Integer.class).single();
        if (failures >= freeFailures) {
            jdbc.sql("update login_account_delay set refused_until = :until where username = :name")
                    .param("until", Timestamp.from(now.plus(delayAfter(failures)))).param("name", normalise(username))
                    .update();
        }
        if (remoteAddr != null) {
            address(remoteAddr).tryConsume(1);
        }
    }

    /** Forgets old streaks and full buckets (every node may do it: it only deletes what nobody needs). */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void sweep() {
        jdbc.sql("delete from login_account_delay where last_failure_at < :forget")
                .param("forget", Timestamp.from(clock.instant().minus(FORGET_AFTER))).update();
        addresses.sweep();
    }

    void succeeded(String username) {
        jdbc.sql("delete from login_account_delay where username = :name").param("name", normalise(username)).update();
    }

    /** The wait after the given number of failures in a row: the first delay, doubled for each failure after. */
    Duration delayAfter(int failures) {
        int doublings = Math.min(failures - freeFailures, 30);
        Duration delay = firstDelay.multipliedBy(1L << Math.max(doublings, 0));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    @Override
    public List<SignInLock> current() {
        Instant now = clock.instant();
        List<SignInLock> locks = new ArrayList<>(jdbc.sql("""
                select username, failures, refused_until from login_account_delay
                 where refused_until > :now order by refused_until desc limit 100
                """)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new SignInLock(SignInLock.Kind.ACCOUNT, rs.getString(1), rs.getInt(2),
                        rs.getTimestamp(3).toInstant()))
                .list());
        // The emptiest buckets are the ones that take longest to fill up again.
        List<String> busiest = jdbc.sql("""
                select id from login_address_bucket where expires_at > :now order by expires_at desc limit 20
                """)
                .param("now", now.toEpochMilli()).query(String.class).list();
        for (String addr : busiest) {
            EstimationProbe probe = address(addr).estimateAbilityToConsume(1);
            if (!probe.canBeConsumed()) {
                long capacity = addresses.capacity();
                locks.add(new SignInLock(SignInLock.Kind.ADDRESS, addr, (int) (capacity - probe.getRemainingTokens()),
                        now.plusNanos(probe.getNanosToWaitForRefill())));
            }
        }
        locks.sort(Comparator.comparing(SignInLock::until).reversed());
        return locks;
    }

    @Override
    public void lift(SignInLock.Kind kind, String key) {
        switch (kind) {
            case ACCOUNT -> succeeded(key);
            case ADDRESS -> addresses.remove(key);
        }
    }

    private BucketProxy address(String remoteAddr) {
        return addresses.bucket(remoteAddr);
    }
}
