package org.ruleone.training;

/** A line of a scenario's rubric, scored 1 to 5: its name and what a 1 and a 5 look like. */
public record Criterion(int position, String name, String atOne, String atFive) {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 1000;
}
