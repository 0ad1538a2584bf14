/**
 * Demo data for newcomers: after the first-run setup, a second store, a few associates, clients with French
 * and Polish names with their consent, service cases in every state and several kinds of resolution, phone calls,
 * tasks, a dozen products with stock in both stores, a draft event campaign, eight months of survey answers with their follow-ups, eighteen months of come-back history (answers and later purchases), and the UCI Online Retail file
 * imported, so every screen looks alive at once. Only the other modules' public APIs are used.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "organization", "customers", "purchases", "service", "telephony",
                "clienteling", "catalog", "campaigns", "experience", "recognition", "training"})
package org.ruleone.demo;
