/**
 * The home page, {@code /}: an associate's home is their book; a manager's and an owner's a small dashboard of the
 * figures the other modules already keep (open cases, breaches, today's tasks, imports, mail waiting) and, for a
 * chosen period, small charts of the come-back score, satisfaction, standards met, spend, mystery shops, open
 * follow-ups, heroics and the top of the rankings (ADR 0112), each a link to its screen. It only reads, through the other modules' public
 * APIs; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "organization", "clienteling", "service", "standards", "mail",
                "purchases", "ledger", "experience", "recognition", "rankings"})
package org.ruleone.dashboard;
