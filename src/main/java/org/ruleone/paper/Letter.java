package org.ruleone.paper;

import java.util.List;

/**
 * One mail-merged letter, every word already in the client's language.
 *
 * @param returnAddress the sender's name and address, printed small at the top (and in the window's return line)
 * @param date          the date line, as it is to be read
 * @param recipient     the client's address in lines ({@link AddressFormat#lines}), placed in the envelope window
 * @param greeting      "Dear Élise," and the like
 * @param title         the subject line, in bold weight by size
 * @param paragraphs    the text; each entry a paragraph, wrapped to the page
 * @param details       the event's time and place, one line each (may be empty)
 * @param closing       "Kind regards," and the like
 * @param signature     the name of the person who signs
 */
public record Letter(List<String> returnAddress, String date, List<String> recipient, String greeting, String title,
                     List<String> paragraphs, List<String> details, String closing, String signature) {

    public Letter {
        returnAddress = List.copyOf(returnAddress);
        recipient = List.copyOf(recipient);
        paragraphs = List.copyOf(paragraphs);
        details = List.copyOf(details);
    }
}
