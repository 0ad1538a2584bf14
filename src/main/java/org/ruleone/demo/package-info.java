/**
 * Demo data for newcomers: after the first-run setup, a second store, a few associates, clients with French
 * and Polish names, and the UCI Online Retail file imported, so the system looks alive at once.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "organization", "customers", "purchases"})
package org.ruleone.demo;
