package org.ruleone.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Reads a delivery status notification (RFC 3464) into a {@link BounceReceived}: the failed recipient from
 * {@code Final-Recipient} (or {@code X-Failed-Recipients}), permanent or not from {@code Status} (or
 * {@code Action}), and the Message-ID of the mail that bounced from {@code Original-Message-ID} or the returned
 * message's headers. A bounce from before RFC 3464 ("Returned mail" from a MAILER-DAEMON, with no
 * delivery-status part) is read from its text: the first address the notice names, and the Message-ID of the
 * mail it quotes. Never throws: what cannot be read is left empty.
 */
public final class DeliveryReports {

    private static final int MAX_DEPTH = 10;
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"(),;:]+@[^\\s<>\"(),;:]+");
    private static final Session SESSION = Session.getInstance(new Properties());
    /**
     * An address alone on a line, or at the start of one followed by a colon or "...": how sendmail, Postfix,
     * qmail and Exim list failed recipients.
     */
    private static final Pattern LISTED_ADDRESS = Pattern.compile(
            "^\\s*<?([^\\s<>\"(),;:]+@[^\\s<>\"(),;:]+?)>?(:.*|\\.\\.\\..*|\\s*)$");
    /** Where the returned mail starts in the text of a bounce. */
    private static final Pattern RETURNED_PART = Pattern.compile(
            "(?i)original message follows|-\\s*original message|copy of the message|undelivered message|returned message|message headers follow"
                    + "|^(received|return-path|from|to|subject|message-id):");
    private static final Pattern QUOTED_MESSAGE_ID = Pattern.compile("(?im)^message-id:\\s*(<[^<>\\s]+>)");
    private static final Pattern TEMPORARY = Pattern.compile("(?i)delay|will be retried|will retry|still trying"
            + "|warning: could not send|not yet been delivered");
    private static final int MAX_TEXT = 64 * 1024;

    private DeliveryReports() {
    }

    public static BounceReceived read(byte[] raw, Instant at) {
        Found found = new Found();
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            String failed = header(message.getHeader("X-Failed-Recipients"));
            if (!failed.isEmpty()) {
                found.recipient = firstAddress(failed);
            }
            walk(message, found, 0);
            if (!found.reportSeen) {
                readNotice(found, message.getSubject() == null ? "" : message.getSubject());
            }
        } catch (MessagingException | IOException | RuntimeException | StackOverflowError unreadable) {
            // keep what was found before the damage
        }
        return new BounceReceived(found.originalMessageId, found.recipient.toLowerCase(Locale.ROOT),
                found.permanent, at);
    }

    private static final class Found {
        String originalMessageId = "";
        String recipient = "";
        boolean permanent = true;
        boolean statusSeen;
        boolean reportSeen;
        final StringBuilder notice = new StringBuilder();
    }

    /** A bounce without a delivery-status part: what its text says. */
    private static void readNotice(Found found, String subject) {
        String text = found.notice.toString().replace("\r\n", "\n");
        if (found.recipient.isEmpty()) {
            for (String line : text.split("\n")) {
                if (RETURNED_PART.matcher(line).find()) {
                    break;
                }
                Matcher listed = LISTED_ADDRESS.matcher(line);
                if (listed.matches()) {
                    found.recipient = listed.group(1).replaceAll("[\\p{Cntrl}]", "");
                    break;
                }
            }
        }
        if (found.originalMessageId.isEmpty()) {
            Matcher quoted = QUOTED_MESSAGE_ID.matcher(text);
            if (quoted.find()) {
                found.originalMessageId = quoted.group(1);
            }
        }
        found.permanent = !TEMPORARY.matcher(subject).find();
    }

    private static void walk(Part part, Found found, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return;
        }
        String type = part.getContentType() == null ? "text/plain" : part.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    try {
                        walk(child, found, depth + 1);
                    } catch (MessagingException | IOException | RuntimeException damaged) {
                        // the next part may still say something
                    }
                }
            }
        } else if (type.startsWith("text/plain") && found.notice.length() < MAX_TEXT) {
            found.notice.append(new String(bytes(part), StandardCharsets.ISO_8859_1)).append('\n');
        } else if (type.startsWith("message/delivery-status") || type.startsWith("message/global-delivery-status")) {
            found.reportSeen = true;
            deliveryStatus(bytes(part), found);
        } else if (type.startsWith("message/rfc822") || type.startsWith("text/rfc822-headers")
                || type.startsWith("message/global") || type.startsWith("message/global-headers")) {
            if (found.originalMessageId.isEmpty()) {
                InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(bytes(part)));
                found.originalMessageId = messageId(header(headers.getHeader("Message-ID")));
            }
        }
    }

    private static void deliveryStatus(byte[] report, Found found) {
        String text = new String(report, StandardCharsets.UTF_8).replace("\r\n", "\n").replaceAll("\n[ \t]+", " ");
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (name) {
                case "final-recipient", "original-recipient" -> {
                    if (found.recipient.isEmpty() || name.equals("final-recipient")) {
                        String address = firstAddress(value.contains(";") ? value.substring(value.indexOf(';') + 1) : value);
                        if (!address.isEmpty()) {
                            found.recipient = address;
                        }
                    }
                }
                case "status" -> {
                    if (!found.statusSeen) {
                        found.statusSeen = true;
                        found.permanent = value.startsWith("5");
                    }
                }
                case "action" -> {
                    if (!found.statusSeen) {
                        String action = value.toLowerCase(Locale.ROOT);
                        found.permanent = !(action.startsWith("delayed") || action.startsWith("delivered")
                                || action.startsWith("relayed") || action.startsWith("expanded"));
                    }
                }
                case "original-message-id", "x-original-message-id" -> {
                    String id = messageId(value);
                    if (!id.isEmpty()) {
                        found.originalMessageId = id;
                    }
                }
                default -> {
                }
            }
        }
    }

    private static byte[] bytes(Part part) throws IOException, MessagingException {
        try (InputStream in = part.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            long total = 0;
            while ((n = in.read(buffer)) != -1 && total < 1 << 20) {
                out.write(buffer, 0, n);
                total += n;
            }
            return out.toByteArray();
        }
    }

    private static String header(String[] values) {
        return values == null || values.length == 0 || values[0] == null ? "" : MimeUtility.unfold(values[0]);
    }

    private static String messageId(String value) {
        Matcher matcher = MESSAGE_ID.matcher(value);
        return matcher.find() ? matcher.group() : "";
    }

    private static String firstAddress(String value) {
        Matcher matcher = ADDRESS.matcher(value);
        return matcher.find() ? matcher.group().replaceAll("[\\p{Cntrl}]", "") : "";
    }

}
