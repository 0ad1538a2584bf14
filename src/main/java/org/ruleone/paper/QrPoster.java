package org.ruleone.paper;

/**
 * A poster with a QR code to scan, e.g. a store's survey page: a heading, a line or two under it, the code, the
 * address written out (for a phone that does not scan) and a small footer.
 */
public record QrPoster(String heading, String text, String url, String footer) {
}
