/**
 * Hearing from the customer and closing the loop: "will you come back?" (0–10), satisfaction (1–5) and a comment,
 * asked after a resolved case, a purchase or in store, on a public page in the client's language; every unhappy
 * answer opens a follow-up case for the associate who served; past answers are imported; the figures show the
 * come-back score with its confidence interval per store, associate, channel and period; and "does experience bring
 * them back?" compares how often groups of clients bought again, with honest intervals (ADRs 0108, 0109).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "organization", "customers", "purchases", "service", "mail",
                "paper"})
package org.ruleone.experience;
