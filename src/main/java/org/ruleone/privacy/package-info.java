/**
 * A customer's rights under the GDPR (issue 15): their data exported on request (Art. 15, 20), erased on request
 * with the facts kept under a pseudonym (Art. 17), kept no longer than the owner's retention rules allow, and the
 * records of processing. It gathers each module's part through the customers module's {@code ClientDataExport} and
 * {@code ClientErasure} interfaces.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "organization", "customers", "mail", "paper"})
package org.ruleone.privacy;
