package org.ruleone.service.internal;

/** A found item that may be what the customer lost; {@code score} from 0 to 1, higher is likelier. */
public record ItemMatch(FoundItem item, double score) {
}
