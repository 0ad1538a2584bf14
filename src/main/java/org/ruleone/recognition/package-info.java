/**
 * Recognition: heroics that associates report about the colleagues they saw help a customer (with thanks, internal
 * comments and the facts of the case it links to), and the legend library that new hires read first, seeded with the
 * founding stories and grown from the best heroics (ADRs 0104 and 0105). Publishes {@link HeroicReported} and
 * {@link LegendMarked}.
 * <p>
 * May use shared, platform, organization, customers, service (to read a case a heroic links to, through its public
 * API), purchases (whether the client came back since, through its public API), clienteling (to add "You were
 * recognised" to the associate's home through its {@code HomeNotices}), paper (PDF) and mail (the outbox).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "organization", "customers", "service", "purchases",
                "clienteling", "paper", "mail"})
package org.ruleone.recognition;
