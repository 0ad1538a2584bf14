package org.ruleone.platform.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.ruleone.platform.SignInLocks.SignInLock;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle on the real database, with a clock the test moves. */
@IntegrationTest
@AutoConfigureMockMvc
class LoginThrottleTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));

    LoginThrottle throttle(int addressMaxFailures) {
        return new LoginThrottle(jdbc, dataSource, clock, 5, Duration.ofSeconds(30), Duration.ofMinutes(15),
                addressMaxFailures, Duration.ofMinutes(15));
    }

    @Test
    void makesAnAccountWaitLongerAfterEachFurtherFailure() {
        LoginThrottle throttle = throttle(100);
        String name = "grow-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 4; i++) {
            throttle.failed(name, null);
        }
        assertThat(throttle.isRefused(name, null)).as("four failures are free").isFalse();

        throttle.failed(name, null);
        assertWaits(throttle, name, Duration.ofSeconds(30));
        throttle.failed(name, null);
        assertWaits(throttle, name, Duration.ofSeconds(60));
        throttle.failed(name, null);
        assertWaits(throttle, name, Duration.ofSeconds(120));
        assertThat(throttle.delayAfter(40)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void clearsTheAccountsWaitAfterASuccess() {
        LoginThrottle throttle = throttle(100);
        String name = "back-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 5; i++) {
            throttle.failed(name, null);
        }
        clock.advance(Duration.ofSeconds(31));
        throttle.succeeded(name);
        throttle.failed(name, null);
        assertThat(throttle.isRefused(name, null)).as("a new streak starts from one").isFalse();
    }

    @Test
    void refusesAnAddressOnlyAfterItsOwnLimitWhateverTheAccounts() {
        LoginThrottle throttle = throttle(3);
        String addr = "203.0.113.7~" + UUID.randomUUID();
        throttle.failed("a-" + UUID.randomUUID(), addr);
        throttle.failed("b-" + UUID.randomUUID(), addr);
        assertThat(throttle.isRefused("colleague@example.com", addr)).isFalse();

        throttle.failed("c-" + UUID.randomUUID(), addr);

        assertThat(throttle.isRefused("colleague@example.com", addr)).isTrue();
        assertThat(throttle.isRefused("colleague@example.com", "198.51.100.1")).as("another address").isFalse();
        assertThat(throttle.current()).anySatisfy(lock -> {
            assertThat(lock.kind()).isEqualTo(SignInLock.Kind.ADDRESS);
            assertThat(lock.key()).isEqualTo(addr);
            assertThat(lock.failures()).isEqualTo(3);
        });
        clock.advance(Duration.ofMinutes(5)); // one failure's worth of the 15-minute window
        assertThat(throttle.isRefused("colleague@example.com", addr)).isFalse();
    }

    @Test
    void letsAnAddressTryAgainOnceTheOwnerLiftsIt() {
        LoginThrottle throttle = throttle(2);
        String addr = "192.0.2.7~" + UUID.randomUUID();
        throttle.failed("x-" + UUID.randomUUID(), addr);
        throttle.failed("y-" + UUID.randomUUID(), addr);
        assertThat(throttle.isRefused("someone", addr)).isTrue();

        throttle.lift(SignInLock.Kind.ADDRESS, addr);

        assertThat(throttle.isRefused("someone", addr)).isFalse();
    }

    @Test
    void keepsNoRowForAnAddressThatNeverFailed() {
        LoginThrottle throttle = throttle(100);
        String addr = "198.51.100.7~" + UUID.randomUUID();

        assertThat(throttle.isRefused("someone@example.com", addr)).isFalse();

        assertThat(jdbc.sql("select count(*) from login_address_bucket where id = :id").param("id", addr)
                .query(Long.class).single()).isZero();
    }

    private void assertWaits(LoginThrottle throttle, String name, Duration wait) {
        assertThat(throttle.isRefused("  " + name.toUpperCase(), null)).isTrue();
        clock.advance(wait.minusSeconds(1));
        assertThat(throttle.isRefused(name, null)).as("still waiting before %s", wait).isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(throttle.isRefused(name, null)).as("free after %s", wait).isFalse();
    }
}
