/**
 * The stores' mailboxes: reading each store's IMAP mailbox into service cases (threaded by Message-ID and the case
 * reference in the subject), answering cases by e-mail through the outbox, the quarantine screen, and the public
 * contact form of each store.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "organization", "customers", "service", "mail"})
package org.ruleone.mailroom;
