package org.ruleone.customers;

import java.time.Instant;

/**
 * One line on a client's timeline, contributed by whichever module owns the fact (a purchase, later a case or
 * a survey).
 *
 * @param kind    a message key naming the kind of entry, e.g. {@code timeline.purchase}
 * @param title   already-formatted text for the entry's headline (user data, escaped when rendered)
 * @param detail  already-formatted secondary text, may be empty
 * @param link    a same-site path to more detail, or {@code null}
 */
public record TimelineEntry(Instant at, String kind, String title, String detail, String link) {
}
