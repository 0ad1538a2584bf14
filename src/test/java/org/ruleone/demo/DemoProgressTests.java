package org.ruleone.demo;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ruleone.purchases.ImportRun;
import org.ruleone.purchases.ImportStatus;

import static org.assertj.core.api.Assertions.assertThat;

class DemoProgressTests {

    final Map<Long, ImportRun> runs = new HashMap<>();
    final DemoProgress progress = new DemoProgress(id -> Optional.ofNullable(runs.get(id)));

    @Test
    void countsTheStepsThenTheImportsShareUntilTheImportEnds() {
        assertThat(progress.now()).isEmpty();
        progress.started();
        progress.stepDone();
        progress.stepDone();
        assertThat(progress.now()).contains(new DemoProgress.Shown(2, DemoProgress.STEPS, null));

        for (int i = 2; i < DemoProgress.STEPS - 1; i++) {
            progress.stepDone();
        }
        runs.put(7L, run(ImportStatus.RUNNING, 425));
        progress.importing(7);
        assertThat(progress.now()).contains(new DemoProgress.Shown(DemoProgress.STEPS, DemoProgress.STEPS, 42));

        runs.put(7L, run(ImportStatus.COMPLETED, 1000));
        assertThat(progress.now()).isEmpty();
        runs.put(7L, run(ImportStatus.RUNNING, 500));
        assertThat(progress.now()).as("once done, stays done").isEmpty();
    }

    @Test
    void showsNothingOnceTheStepsAreDoneWithoutAnImport() {
        progress.started();
        progress.finished();
        assertThat(progress.now()).isEmpty();
    }

    private static ImportRun run(ImportStatus status, int progress) {
        return new ImportRun(7, 1, "online_retail.csv", status, false, 0, 0, 0, 0, progress, Instant.now(), null, null);
    }
}
