package org.ruleone.training;

/** What a person does in a roleplay session. */
public enum Part {
    CUSTOMER, ASSOCIATE, WATCHER, NONE
}
