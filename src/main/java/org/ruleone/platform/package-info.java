/**
 * Cross-cutting infrastructure: the embedded database, security, web layout, languages, audit log and error pages.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.ruleone.platform;
