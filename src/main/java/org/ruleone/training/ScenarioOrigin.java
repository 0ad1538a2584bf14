package org.ruleone.training;

/** Where a scenario came from: written by hand, made from a legend, or from a real case. */
public enum ScenarioOrigin {
    HAND, LEGEND, CASE
}
