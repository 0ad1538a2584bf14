/**
 * Clienteling tasks: a thank-you note for every new client, follow-ups after a purchase, birthdays and
 * anniversaries, lapsed clients, items another store asked for, and tasks added by hand; done or skipped by a
 * person. {@link org.ruleone.clienteling.Tasks} is the API other modules read.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "organization", "customers", "purchases", "catalog"})
package org.ruleone.clienteling;
