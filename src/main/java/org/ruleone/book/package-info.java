/**
 * An associate's client book: the home screen on a phone (important dates coming, clients drifting away, recent
 * purchases, the whole book sorted and filtered) and client segments computed from purchases by recency,
 * frequency and monetary scores ({@link org.ruleone.book.Segments}, method in docs/adr/0060-client-segments.md).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "organization", "customers", "purchases", "clienteling", "service"})
package org.ruleone.book;
