package org.ruleone.service;

/** How far an alteration order has come. */
public enum AlterationStatus {
    ORDERED, READY, COLLECTED
}
