package org.ruleone.platform;

import org.ruleone.platform.internal.DatabaseRestore;

/**
 * {@code restore --file=BACKUP [--data-dir=DIR]}: a backup of the embedded database into a fresh data directory,
 * run before any Spring context exists (README, Backups; ADR 0121).
 */
public final class RestoreCommand {

    private RestoreCommand() {
    }

    /** Prints one line of JSON; returns the exit status: 0 restored, 1 failed, 2 refused. */
    public static int run(String... args) {
        return DatabaseRestore.run(args);
    }
}
