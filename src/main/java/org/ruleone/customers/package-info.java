/**
 * The client book: customers, their contact details, language, sizes, preferences, important dates, notes,
 * assigned associate and marketing consents with proof; client search and the client page with its timeline.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform", "organization"})
package org.ruleone.customers;
