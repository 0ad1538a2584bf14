/**
 * Phone calls: logged by hand or reported by the store's telephony through a webhook, each with how long it rang,
 * its outcome and the case it belongs to.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "organization", "customers", "service"})
package org.ruleone.telephony;
