package org.ruleone.platform.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that run the modules' asynchronous event listeners: a few, with an unbounded queue, instead of one
 * virtual thread per event. A listener that opens a case holds one connection and, through the synchronous
 * listeners of ADR 0088, asks for a second; a burst of events (the demo's survey history, an evening of answers)
 * on unbounded threads took every connection of the pool at once and each waited for a second one until it timed
 * out. With at most {@code ruleone.events.listener-threads} listeners at a time (default 4), they never need more
 * than twice that many connections, and the events wait in the queue (stored in the publication registry all the
 * same, so nothing is lost if the node stops).
 */
@Configuration(proxyBeanMethods = false)
class ListenerThreads {

    @Bean(name = {"applicationTaskExecutor", "taskExecutor"})
    ThreadPoolTaskExecutor applicationTaskExecutor(@Value("${ruleone.events.listener-threads:4}") int threads) {
        if (threads < 1) {
            throw new IllegalStateException("ruleone.events.listener-threads must be at least 1, not " + threads);
        }
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("listener-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(5);
        return executor;
    }
}
