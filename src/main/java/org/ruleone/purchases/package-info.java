/**
 * Purchases and returns: CSV import with a column mapping (any POS export), the same import from the shell,
 * a REST endpoint for tills, and the purchase history shown on a client's page.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform", "organization", "customers"})
package org.ruleone.purchases;
