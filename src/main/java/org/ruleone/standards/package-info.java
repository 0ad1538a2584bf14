/**
 * Service standards per store and channel (phone answered by the Nth ring, first response and resolution within a
 * business time), the due times of every case counted in the store's business hours, and the breaches: each one an
 * event, shown on the dashboards, never a punishment.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "organization", "customers", "service", "telephony"})
package org.ruleone.standards;
