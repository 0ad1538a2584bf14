package org.ruleone.clienteling;

import java.util.Locale;

/**
 * A named group of clients by how recently, how often and how much they buy. The rules that put a client in one
 * are in docs/adr/0060-client-segments.md; the order here is from the best relationship to the weakest.
 */
public enum Segment {
    CHAMPIONS, LOYAL, PROMISING, NEW, NEEDS_ATTENTION, AT_RISK, LAPSED;

    /** Message key of the segment's name in the book bundle. */
    public String messageKey() {
        return "book.segment." + name().toLowerCase(Locale.ROOT);
    }

    /** Message key of one sentence saying what the segment means. */
    public String descriptionKey() {
        return messageKey() + ".hint";
    }

    /** Whether the client is drifting away and worth a personal word. */
    public boolean needsWinningBack() {
        return this == AT_RISK || this == LAPSED;
    }
}
