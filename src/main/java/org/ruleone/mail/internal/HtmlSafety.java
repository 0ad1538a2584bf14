package org.ruleone.mail.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.PolicyFactory;

/**
 * HTML from customers, made safe for an associate's browser (an allowlist of formatting, links and tables;
 * images only from the mail itself, never from a remote URL), and HTML turned into plain text.
 */
public final class HtmlSafety {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowCommonBlockElements()
            .allowCommonInlineFormattingElements()
            .allowElements("a", "br", "hr", "pre", "code", "blockquote", "span", "div", "font",
                    "ul", "ol", "li", "dl", "dt", "dd",
                    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td")
            .allowUrlProtocols("http", "https", "mailto", "cid")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener")
            .allowElements("img")
            .allowAttributes("src").matching(Pattern.compile("(?i)cid:\\S+")).onElements("img")
            .allowAttributes("alt", "width", "height").onElements("img")
            .allowAttributes("colspan", "rowspan", "align", "valign").onElements("td", "th")
            .allowAttributes("title", "dir").globally()
            .toFactory();

    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "template", "noscript");
    private static final Set<String> BREAKS = Set.of("br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5",
            "h6", "blockquote", "pre", "table", "ul", "ol", "dl", "dt", "dd", "hr", "section", "article", "header",
            "footer", "address");
    private static final Pattern BLANK_LINES = Pattern.compile("\n[ \t]*(\n[ \t]*)+\n");
    private static final Pattern SPACES = Pattern.compile("[ \t\u00a0]+");

    private HtmlSafety() {
    }

    public static String sanitize(String html) {
        return POLICY.sanitize(html);
    }

    /** The text a reader would see: scripts, styles and the head left out, a line break per block. */
    public static String toText(String html) {
        StringBuilder text = new StringBuilder();
        HtmlSanitizer.sanitize(html, new HtmlSanitizer.Policy() {
            private int skipping;

            @Override
            public void openDocument() {
            }

            @Override
            public void closeDocument() {
            }

            @Override
            public void openTag(String elementName, List<String> attrs) {
                String name = elementName.toLowerCase(Locale.ROOT);
                if (SKIPPED.contains(name)) {
                    skipping++;
                } else if (BREAKS.contains(name)) {
                    text.append('\n');
                } else if (name.equals("td") || name.equals("th")) {
                    text.append('\t');
                }
            }

            @Override
            public void closeTag(String elementName) {
                String name = elementName.toLowerCase(Locale.ROOT);
                if (SKIPPED.contains(name)) {
                    skipping = Math.max(0, skipping - 1);
                } else if (BREAKS.contains(name)) {
                    text.append('\n');
                }
            }

            @Override
            public void text(String textChunk) {
                if (skipping == 0) {
                    text.append(textChunk.replace('\r', ' ').replace('\n', ' '));
                }
            }
        });
        String spaced = SPACES.matcher(text).replaceAll(" ");
        return BLANK_LINES.matcher(spaced.replace(" \n", "\n").replace("\n ", "\n")).replaceAll("\n\n").strip();
    }
}
