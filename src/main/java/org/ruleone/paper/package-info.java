/**
 * Printable paper: note cards (A6, A2) with the client's name and an opening line in their language, envelopes
 * (DL, C6, US #10) and address label sheets (Avery L7160, Avery 5160), with addresses in the order of the
 * destination country, mail-merged letters placed for window envelopes ({@link org.ruleone.paper.Letters}, A4 for
 * a DL right window, US Letter for a #10 window), stories to read (the legend library, {@link
 * org.ruleone.paper.Stories}), posters with a QR code (a store's survey page) and an embedded font (Liberation Sans)
 * so French and Polish letters print right; and the print batch screen that closes the thank-you tasks it printed.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "platform", "organization", "customers", "clienteling"})
package org.ruleone.paper;
