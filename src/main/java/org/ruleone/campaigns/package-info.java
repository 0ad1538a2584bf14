/**
 * Events and sales told personally to clients: an audience built from the client book (store, preferences, last
 * purchase, lifetime spend, language) that only ever holds clients whose current e-mail consent is granted; a
 * personal e-mail from each client's own associate in the client's language, with an iCalendar invitation for
 * events, one-click unsubscribe (RFC 8058) and RSVP links; and the results, beside clients who were not invited.
 * Audiences may be narrowed to the book module's client segments; the same campaign can be printed as mail-merged
 * letters (through the paper module) for the clients whose current postal consent is granted.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "organization", "customers", "purchases", "mail", "clienteling", "paper"})
package org.ruleone.campaigns;
