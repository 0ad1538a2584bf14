/**
 * The "spend my money" ledger (what each store and associate spent on customers, next to what those customers
 * bought afterwards) and the "too little" review (cases where a customer may have got too little), both reviewed
 * after the fact, never gated before; beside them, what stores spent that was not spent on customers (mystery
 * shoppers' rewards, from experience's {@code MysteryRewardPaid}).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "organization", "customers", "service", "purchases", "standards",
                "experience"})
package org.ruleone.ledger;
