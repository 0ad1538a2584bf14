package org.ruleone.paper;

import java.util.List;

/** One envelope: the sender's return address and the recipient's address, each already in lines. */
public record Envelope(List<String> returnAddress, List<String> recipient) {

    public Envelope {
        returnAddress = List.copyOf(returnAddress);
        recipient = List.copyOf(recipient);
    }
}
