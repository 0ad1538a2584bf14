package org.ruleone.purchases.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An import whose process died (kill -9, power cut) stays RUNNING, but nobody holds its advisory lock any more. At
 * start-up, and every 15 seconds on every node (the update is idempotent), such runs are marked INTERRUPTED so the
 * screen offers to resume or roll them back. Their lines were never committed: the load is one transaction.
 */
@Component
class InterruptedImports {

    private static final Logger log = LoggerFactory.getLogger(InterruptedImports.class);

    private final ImportRuns runs;

    InterruptedImports(ImportRuns runs) {
        this.runs = runs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        markStale();
    }

    @Scheduled(fixedDelayString = "PT15S", initialDelayString = "PT15S")
    void markStale() {
        int marked = runs.markStaleAsInterrupted();
        if (marked > 0) {
            log.warn("{} purchase import(s) stopped without finishing and are now INTERRUPTED", marked);
        }
    }
}
