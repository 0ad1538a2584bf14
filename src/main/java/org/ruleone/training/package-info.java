/**
 * Roleplay training: scenarios with a feedback rubric (by hand, from a legend or from a real case without the
 * client's identity), sessions in a store with who plays whom and who watches, the watchers' scores and the played
 * associate's reflection, and each associate's progress (ADR 0106).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "organization", "recognition", "customers", "service"})
package org.ruleone.training;
