/**
 * The "spend my money" ledger (what each store and associate spent on customers, next to what those customers
 * bought afterwards) and the "too little" review (cases where a customer may have got too little), both reviewed
 * after the fact, never gated before.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "organization", "customers", "service", "purchases", "standards"})
package org.ruleone.ledger;
