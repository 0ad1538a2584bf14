/**
 * Power rankings (a read model: it listens and owns no truth): associates of a store or of the chain for a month or a
 * quarter, by a weighted score of the experience of the clients they served, heroics, mystery shops, clients who came
 * back, cases resolved within standard, training feedback and sales, with the owner's weights (ADRs 0110 and 0111).
 * Its tables are projections of the other modules' events, plus the weights; it reads the clients' associate through
 * the customers module's published {@code customer_directory} view.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "organization", "experience", "recognition", "service",
                "standards", "purchases", "training"})
package org.ruleone.rankings;
