package org.ruleone.demo;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import org.ruleone.purchases.ImportRun;
import org.ruleone.purchases.PurchaseImports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * How far the demo's seeding has gone, in this process: the steps done, then the sales import's share. Kept in
 * memory only; after a restart the demo is either there or being imported, which the imports screen shows.
 */
@Component
@ConditionalOnBooleanProperty("ruleone.demo")
class DemoProgress {

    static final int STEPS = 14;
    private static final int NOT_STARTED = -1;

    /** What the banner says: steps done of {@link #STEPS}; the import's percentage once it runs (else null). */
    record Shown(int step, int steps, Integer importPercent) {
    }

    private final LongFunction<Optional<ImportRun>> runs;
    private final AtomicInteger step = new AtomicInteger(NOT_STARTED);
    private final AtomicLong importId = new AtomicLong();
    private volatile boolean done;

    @Autowired
    DemoProgress(PurchaseImports imports) {
        this(imports::find);
    }

    DemoProgress(LongFunction<Optional<ImportRun>> runs) {
        this.runs = runs;
    }

    void started() {
        done = false;
        importId.set(0);
        step.set(0);
    }

    void stepDone() {
        step.incrementAndGet();
    }

    void importing(long id) {
        importId.set(id);
        stepDone();
    }

    void finished() {
        step.set(STEPS);
    }

    /** Empty when there is nothing to show: not started in this process, or all done. */
    Optional<Shown> now() {
        if (done || step.get() == NOT_STARTED) {
            return Optional.empty();
        }
        long id = importId.get();
        if (id == 0) {
            return step.get() >= STEPS ? finish() : Optional.of(new Shown(step.get(), STEPS, null));
        }
        Optional<ImportRun> run = runs.apply(id);
        if (run.isEmpty() || run.get().status().finished()) {
            return finish();
        }
        return Optional.of(new Shown(step.get(), STEPS, run.get().progress() / 10));
    }

    private Optional<Shown> finish() {
        done = true;
        return Optional.empty();
    }
}
