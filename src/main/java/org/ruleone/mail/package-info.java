/**
 * E-mail with customers: inbound real-world mail parsed into a safe, decoded form, with what cannot be understood kept in a quarantine.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform"})
package org.ruleone.mail;
