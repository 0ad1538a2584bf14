/**
 * Stores, associates and their roles, business hours, first-run setup of the owner, and integration tokens.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform"})
package org.ruleone.organization;
