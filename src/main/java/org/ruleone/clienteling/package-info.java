/**
 * Clienteling: the associate's home and client book on a phone (important dates coming, clients drifting away, recent
 * purchases, the whole book sorted and filtered), client segments computed from purchases by recency, frequency and
 * monetary scores ({@link org.ruleone.clienteling.Segments}, published to other modules as the {@code book_segments}
 * view; method in docs/adr/0060-client-segments.md), and tasks: a thank-you note for every new client, follow-ups
 * after a purchase, birthdays and anniversaries, lapsed clients, items another store asked for, and tasks added by
 * hand, done or skipped by a person ({@link org.ruleone.clienteling.Tasks}).
 * <p>
 * May use shared, platform, organization, customers, purchases (through its published view), catalog and service.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "organization", "customers", "purchases", "catalog", "service"})
package org.ruleone.clienteling;
