package org.ruleone.clienteling;

public enum TaskStatus {
    OPEN, DONE, SKIPPED
}
