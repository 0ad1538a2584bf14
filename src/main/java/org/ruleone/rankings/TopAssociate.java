package org.ruleone.rankings;

/** One line of the top of a ranking, for the home dashboards. */
public record TopAssociate(long associateId, String name, int rank, double score) {
}
