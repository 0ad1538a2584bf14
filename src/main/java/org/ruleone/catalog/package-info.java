/**
 * Products with their price and, per store, the stock and where the item sits; requests to another store to send
 * an item to a client.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "organization", "customers"})
package org.ruleone.catalog;
