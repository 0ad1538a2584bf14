package org.ruleone.purchases;

/** Where an import run stands. Only a run whose rows all committed is ever {@code COMPLETED}. */
public enum ImportStatus {
    RUNNING, COMPLETED, FAILED, INTERRUPTED, ROLLED_BACK;

    public boolean finished() {
        return this != RUNNING;
    }

    /** A run that stopped before committing can be run again; nothing it did is counted twice. */
    public boolean resumable() {
        return this == INTERRUPTED;
    }

    public boolean canRollBack() {
        return this == INTERRUPTED || this == COMPLETED;
    }
}
