package org.ruleone.experience.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two transactions keeping the proof's read model for the same clients once deadlocked (V157): a second follow now
 * waits for the first transaction to end instead of interleaving its row locks with it.
 */
@IntegrationTest
class ProofFollowsOneAtATimeTests {

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    private void follow(long... clients) {
        jdbc.sql("select proof_first_experience_follow(cast(:clients as bigint[]))")
                .param("clients", java.util.Arrays.stream(clients).boxed().toArray(Long[]::new))
                .query((rs, row) -> 1).list();
    }

    @Test
    void aSecondFollowWaitsForTheFirstTransactionToEnd() throws Exception {
        CountDownLatch firstFollowed = new CountDownLatch(1);
        CountDownLatch letFirstCommit = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            follow(-1, -2);
            firstFollowed.countDown();
            try {
                letFirstCommit.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(firstFollowed.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> second = CompletableFuture.runAsync(() ->
                transactions.executeWithoutResult(s -> follow(-2, -1)));
        Thread.sleep(Duration.ofMillis(500));
        assertThat(second).as("waits while the first transaction is open").isNotDone();

        letFirstCommit.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        assertThat(second).isDone();
    }
}
