/**
 * Service cases from every channel, their messages and internal notes, and the resolutions any associate gives
 * on the spot, with their cost and judgment and no approval step.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "organization", "customers"})
package org.ruleone.service;
