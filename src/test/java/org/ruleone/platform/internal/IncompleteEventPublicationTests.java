package org.ruleone.platform.internal;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.RuleOneApplication;
import org.ruleone.support.SharedDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A listener that fails leaves its event publication incomplete; the publication is done again, and completed, by
 * the scheduled resubmission of a running node (ADR 0076) and when the application starts again. The application
 * runs on a database of its own, so it can be stopped and started again on the same data.
 */
class IncompleteEventPublicationTests {

    /** An event only this test publishes. */
    record Ping(String id) {
    }

    static final AtomicBoolean FAILING = new AtomicBoolean();
    static final AtomicInteger ATTEMPTS = new AtomicInteger();
    static final Set<String> HEARD = ConcurrentHashMap.newKeySet();

    /** A listener in the application's one style, failing while {@link #FAILING} is set. */
    static class FlakyListener {
        @ApplicationModuleListener
        void on(Ping ping) {
            ATTEMPTS.incrementAndGet();
            if (FAILING.get()) {
                throw new IllegalStateException("the listener fails, as when its database went away");
            }
            HEARD.add(ping.id());
        }
    }

    static final String DATABASE = SharedDatabase.get().newDatabase();
    static ConfigurableApplicationContext app;

    @BeforeEach
    void running() {
        if (app == null || !app.isActive()) {
            app = start();
        }
        FAILING.set(false);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aFailedListenerLeavesItsEventIncompleteUntilTheResubmissionCompletesIt() throws Exception {
        String id = failedPing();

        FAILING.set(false);
        assertThat(app.getBean(EventResubmission.class).resubmit()).as("this node holds the lock").isTrue();

        await().atMost(Duration.ofSeconds(20)).until(() -> HEARD.contains(id));
        await().atMost(Duration.ofSeconds(20)).until(() -> incomplete(id) == 0);
    }

    @Test
    void anEventLeftIncompleteIsRepublishedWhenTheApplicationStartsAgain() {
        String id = failedPing();
        app.close();

        FAILING.set(false);
        app = start();

        await().atMost(Duration.ofSeconds(20)).until(() -> HEARD.contains(id));
        await().atMost(Duration.ofSeconds(20)).until(() -> incomplete(id) == 0);
    }

    /** Publishes a ping its listener fails on, and checks that the publication is kept, incomplete. */
    private static String failedPing() {
        FAILING.set(true);
        String id = UUID.randomUUID().toString();
        int before = ATTEMPTS.get();
        app.getBean(TransactionTemplate.class).executeWithoutResult(s -> app.publishEvent(new Ping(id)));

        await().atMost(Duration.ofSeconds(20)).until(() -> ATTEMPTS.get() > before);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> incomplete(id) == 1);
        assertThat(HEARD).doesNotContain(id);
        return id;
    }

    private static long incomplete(String id) {
        return app.getBean(JdbcClient.class).sql("""
                        select count(*) from event_publication
                         where completion_date is null and serialized_event like :id
                        """)
                .param("id", "%" + id + "%").query(Long.class).single();
    }

    private static ConfigurableApplicationContext start() {
        SharedDatabase database = SharedDatabase.get();
        // Command-line arguments, as for a real run; the test profile keeps the scheduled resubmission out of the
        // way, so only the test (or the start) resubmits.
        return new SpringApplicationBuilder(RuleOneApplication.class, FlakyListener.class)
                .run("--spring.profiles.active=test", "--server.port=-1", "--spring.main.banner-mode=off",
                        "--spring.datasource.url=" + DATABASE, "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--ruleone.mailroom.key=" + SharedDatabase.random(),
                        "--ruleone.links.keys=" + SharedDatabase.random(),
                        "--ruleone.events.resubmit-older-than=PT0S");
    }
}
