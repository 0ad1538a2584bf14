package org.ruleone.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import org.ruleone.mail.internal.Charsets;
import org.ruleone.mail.internal.EncodedWords;
import org.ruleone.mail.internal.HtmlSafety;
import org.ruleone.shared.Language;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Reads any real-world mail into an {@link InboundMail}, or says why it cannot; it never throws, because one
 * bad mail must not stop the mail after it.
 */
@Component
public class MailParser {

    /** Real clients nest three or four levels; far deeper is a crafted mail. */
    private static final int MAX_DEPTH = 30;
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]");
    private static final Pattern PATH = Pattern.compile(".*[/\\\\]");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"(),;:]+@[^\\s<>\"(),;:]+");
    /** The local parts mail servers send delivery reports from. */
    private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon",
            "mdaemon");
    /** Subjects of bounces without a delivery-status part, in the languages servers write them in. */
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile("(?iu)returned mail|undeliver|undelivered mail"
            + "|delivery status notification|delivery (status )?failure|delivery (has )?failed|mail delivery failed"
            + "|failure notice|non[- ]?delivery|could not be delivered|not delivered|could not send message"
            + "|delivery delayed|delayed mail|nicht zustellbar"
            + "|unzustellbar|non remis|non distribu|échec de (la )?(remise|distribution)|niedostarczon"
            + "|nie (został|mogła być) dostarczon|no se pudo entregar|non consegnat");

    static {
        // Jakarta Mail reads most leniency switches once, from system properties, when its classes load.
        for (String name : List.of("mail.mime.decodetext.strict", "mail.mime.parameters.strict",
                "mail.mime.address.strict")) {
            System.getProperties().putIfAbsent(name, "false");
        }
        for (String name : List.of("mail.mime.base64.ignoreerrors", "mail.mime.multipart.allowempty",
                "mail.mime.multipart.ignoremissingendboundary", "mail.mime.multipart.ignoremissingboundaryparameter",
                "mail.mime.ignoreunknownencoding", "mail.mime.decodefilename", "mail.mime.decodeparameters")) {
            System.getProperties().putIfAbsent(name, "true");
        }
    }

    private final Session session;
    private final long maxAttachmentBytes;

    public MailParser(@Value("${ruleone.mail.max-attachment-size:10MB}") DataSize maxAttachmentSize) {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.decodetext.strict", "false");
        properties.setProperty("mail.mime.base64.ignoreerrors", "true");
        properties.setProperty("mail.mime.multipart.allowempty", "true");
        properties.setProperty("mail.mime.parameters.strict", "false");
        // no mail.mime.allowutf8: header bytes are then read one character per byte, and Charsets.rawHeader
        // decodes 8-bit ones as UTF-8 when valid, else as the store's languages suggest (ADR 78)
        this.session = Session.getInstance(properties);
        this.maxAttachmentBytes = maxAttachmentSize.toBytes();
    }

    public ParseResult parse(byte[] raw) {
        return parse(raw, List.of());
    }

    /**
     * Reads a mail for a store that works in these languages: they decide the charset of text that is not
     * UTF-8 and carries no usable label (Polish in ISO-8859-2 or windows-1250, Western text in windows-1252).
     */
    public ParseResult parse(byte[] raw, Collection<Language> languages) {
        if (raw == null || raw.length == 0) {
            return new ParseResult.Quarantined(QuarantineReason.EMPTY, "the message has no bytes");
        }
        try {
            return read(new MimeMessage(session, new ByteArrayInputStream(raw)), languages);
        } catch (TooDeep deep) {
            return new ParseResult.Quarantined(QuarantineReason.TOO_DEEP, deep.getMessage());
        } catch (Exception | StackOverflowError unreadable) {
            return new ParseResult.Quarantined(QuarantineReason.UNREADABLE, describe(unreadable));
        }
    }

    private ParseResult read(MimeMessage message, Collection<Language> languages) throws MessagingException {
        Optional<MailAddress> from = addresses(text(message, "From", languages), languages).stream().findFirst()
                .or(() -> addresses(text(message, "Sender", languages), languages).stream().findFirst());
        if (from.isEmpty()) {
            return new ParseResult.Quarantined(QuarantineReason.NO_SENDER,
                    "no address in From or Sender: \"" + clean(header(message, "From")) + "\"");
        }
        Content content = new Content(languages);
        walk(message, content, 0);
        String text = content.text.toString().isBlank() && !content.html.isEmpty()
                ? HtmlSafety.toText(content.html.toString())
                : content.text.toString().strip();
        String html = content.html.isEmpty() ? "" : HtmlSafety.sanitize(content.html.toString());
        List<String> inReplyTo = messageIds(header(message, "In-Reply-To"));
        String subject = clean(decode(text(message, "Subject", languages), languages));
        return new ParseResult.Parsed(new InboundMail(
                messageIds(header(message, "Message-ID")).stream().findFirst().orElse(""),
                inReplyTo.isEmpty() ? "" : inReplyTo.getFirst(),
                messageIds(header(message, "References")),
                from.get(),
                addresses(text(message, "To", languages), languages),
                subject,
                sentAt(message),
                text,
                html,
                content.attachments,
                kind(message, from.get(), subject, content)));
    }

    private static final class Content {
        final Collection<Language> languages;
        final StringBuilder text = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<MailAttachment> attachments = new ArrayList<>();
        boolean deliveryStatus;
        boolean report;
        boolean returnedMessage;

        Content(Collection<Language> languages) {
            this.languages = languages;
        }
    }

    private static final class TooDeep extends RuntimeException {
        TooDeep() {
            super("multiparts nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void walk(Part part, Content content, int depth) {
        if (depth > MAX_DEPTH) {
            throw new TooDeep();
        }
        ContentType type = contentType(part);
        String baseType = type.getBaseType().toLowerCase(Locale.ROOT);
        if (baseType.startsWith("multipart/")) {
            if (baseType.equals("multipart/report")
                    && "delivery-status".equalsIgnoreCase(type.getParameter("report-type"))) {
                content.report = true;
            }
            Optional<Multipart> multipart = multipart(part);
            if (multipart.isPresent()) {
                for (BodyPart child : children(multipart.get())) {
                    walk(child, content, depth + 1);
                }
                return;
            }
            type = new ContentType("text", "plain", null);
            baseType = "text/plain";
        }
        if (baseType.equals("message/delivery-status") || baseType.equals("message/global-delivery-status")) {
            content.deliveryStatus = true;
        }
        if (baseType.equals("message/rfc822") || baseType.equals("text/rfc822-headers")) {
            content.returnedMessage = true;
        }
        boolean attachment = isAttachment(part);
        if (!attachment && baseType.equals("text/plain")) {
            append(content.text, text(part, type, content.languages));
        } else if (!attachment && baseType.equals("text/html")) {
            append(content.html, text(part, type, content.languages));
        } else {
            content.attachments.add(attachment(part, baseType, content.languages));
        }
    }

    private static void append(StringBuilder body, String text) {
        if (!body.isEmpty() && !text.isBlank()) {
            body.append("\n\n");
        }
        body.append(text);
    }

    private static ContentType contentType(Part part) {
        try {
            String value = part.getContentType();
            if (value != null) {
                return new ContentType(value);
            }
        } catch (MessagingException | RuntimeException unparsable) {
            // an unreadable Content-Type is read as plain text, as RFC 2045 says for a missing one
        }
        return new ContentType("text", "plain", null);
    }

    private static Optional<Multipart> multipart(Part part) {
        try {
            if (!(part instanceof MimePart mime)) {
                return Optional.empty();
            }
            MimeMultipart multipart = new MimeMultipart(new MimePartDataSource(mime));
            return multipart.getCount() == 0 ? Optional.empty() : Optional.of(multipart);
        } catch (MessagingException | RuntimeException noBoundary) {
            return Optional.empty();
        }
    }

    private static List<BodyPart> children(Multipart multipart) {
        List<BodyPart> children = new ArrayList<>();
        try {
            for (int i = 0; i < multipart.getCount(); i++) {
                children.add(multipart.getBodyPart(i));
            }
        } catch (MessagingException | RuntimeException truncated) {
            // keep the parts read before the damage
        }
        return children;
    }

    private static boolean isAttachment(Part part) {
        try {
            String disposition = part.getDisposition();
            return Part.ATTACHMENT.equalsIgnoreCase(disposition)
                    || (part.getFileName() != null && !Part.INLINE.equalsIgnoreCase(disposition));
        } catch (MessagingException | RuntimeException unparsable) {
            return false;
        }
    }

    private static String text(Part part, ContentType type, Collection<Language> languages) {
        return Charsets.decode(bytes(part, Long.MAX_VALUE).content(), type.getParameter("charset"), languages);
    }

    private MailAttachment attachment(Part part, String baseType, Collection<Language> languages) {
        Bytes bytes = bytes(part, maxAttachmentBytes);
        return new MailAttachment(fileName(part, languages), baseType, bytes.size(), bytes.tooLarge(),
                bytes.tooLarge() ? new byte[0] : bytes.content());
    }

    private static String fileName(Part part, Collection<Language> languages) {
        String name;
        boolean raw8bit;
        try {
            name = part.getFileName();
            raw8bit = has8bit(part.getHeader("Content-Disposition")) || has8bit(part.getHeader("Content-Type"));
        } catch (MessagingException | RuntimeException unparsable) {
            name = null;
            raw8bit = false;
        }
        if (name == null) {
            return "";
        }
        // an RFC 2231 or RFC 2047 name is ASCII in the header; 8-bit bytes there are a raw name in some charset
        String decoded = decode(raw8bit ? Charsets.rawHeader(name, languages) : name, languages);
        return CONTROL.matcher(PATH.matcher(decoded).replaceFirst("")).replaceAll("").strip();
    }

    private static boolean has8bit(String[] values) {
        if (values == null) {
            return false;
        }
        for (String value : values) {
            if (value != null && value.chars().anyMatch(c -> c >= 0x80)) {
                return true;
            }
        }
        return false;
    }

    private record Bytes(byte[] content, long size, boolean tooLarge) {
    }

    /** The decoded bytes of a part up to {@code cap}, and how many there were in all; the raw bytes when decoding fails. */
    private static Bytes bytes(Part part, long cap) {
        try (InputStream in = part.getInputStream()) {
            return read(in, cap);
        } catch (IOException | MessagingException | RuntimeException undecodable) {
            if (part instanceof MimeBodyPart body) {
                try (InputStream in = body.getRawInputStream()) {
                    return read(in, cap);
                } catch (IOException | MessagingException | RuntimeException unreadable) {
                    return new Bytes(new byte[0], 0, false);
                }
            }
            if (part instanceof MimeMessage message) {
                try (InputStream in = message.getRawInputStream()) {
                    return read(in, cap);
                } catch (IOException | MessagingException | RuntimeException unreadable) {
                    return new Bytes(new byte[0], 0, false);
                }
            }
            return new Bytes(new byte[0], 0, false);
        }
    }

    private static Bytes read(InputStream in, long cap) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long size = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (size + n <= cap) {
                kept.write(buffer, 0, n);
            } else if (size < cap) {
                kept.write(buffer, 0, (int) (cap - size));
            }
            size += n;
        }
        return new Bytes(kept.toByteArray(), size, size > cap);
    }

    private static MailKind kind(MimeMessage message, MailAddress from, String subject, Content content) {
        String local = from.address().toLowerCase(Locale.ROOT).replaceFirst("@.*", "");
        boolean daemon = DAEMONS.contains(local);
        if (content.report || (content.deliveryStatus && daemon)) {
            return MailKind.BOUNCE;
        }
        // a bounce from before RFC 3464 (sendmail, qmail, old Exchange): a daemon's "Returned mail" or the mail
        // it returns; a null Return-Path (<>) is set only on delivery reports and other automatic mail
        boolean nullReturnPath = header(message, "Return-Path").replaceAll("\\s", "").equals("<>");
        if ((daemon || nullReturnPath) && (BOUNCE_SUBJECT.matcher(subject).find() || (daemon && content.returnedMessage))) {
            return MailKind.BOUNCE;
        }
        String autoSubmitted = header(message, "Auto-Submitted").trim().toLowerCase(Locale.ROOT);
        String precedence = header(message, "Precedence").trim().toLowerCase(Locale.ROOT);
        if ((!autoSubmitted.isEmpty() && !autoSubmitted.startsWith("no"))
                || precedence.equals("bulk") || precedence.equals("junk") || precedence.equals("list")
                || present(message, "X-Autoreply") || present(message, "X-Autorespond")) {
            return MailKind.AUTO_REPLY;
        }
        return MailKind.NORMAL;
    }

    private static boolean present(MimeMessage message, String name) {
        try {
            return message.getHeader(name) != null;
        } catch (MessagingException | RuntimeException unreadable) {
            return false;
        }
    }

    private static Optional<Instant> sentAt(MimeMessage message) {
        try {
            return Optional.ofNullable(message.getSentDate()).map(Date::toInstant);
        } catch (MessagingException | RuntimeException unparsable) {
            return Optional.empty();
        }
    }

    /** The header's first value, unfolded; empty when absent or unreadable. */
    private static String header(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, null);
            return value == null ? "" : MimeUtility.unfold(value);
        } catch (MessagingException | RuntimeException unreadable) {
            return "";
        }
    }

    private static List<String> messageIds(String value) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = MESSAGE_ID.matcher(value);
        while (matcher.find()) {
            ids.add(matcher.group());
        }
        if (ids.isEmpty() && !value.isBlank() && !value.contains(" ")) {
            ids.add(clean(value));
        }
        return ids;
    }

    /** A header's first value, unfolded, with its raw 8-bit bytes decoded (encoded words are left as they are). */
    private static String text(MimeMessage message, String name, Collection<Language> languages) {
        return Charsets.rawHeader(header(message, name), languages);
    }

    private static List<MailAddress> addresses(String value, Collection<Language> languages) {
        List<MailAddress> addresses = new ArrayList<>();
        if (value.isBlank()) {
            return addresses;
        }
        try {
            for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                String bare = clean(address.getAddress() == null ? "" : address.getAddress()).replace(" ", "");
                if (bare.contains("@")) {
                    addresses.add(new MailAddress(bare, clean(personal(address, languages))));
                }
            }
        } catch (AddressException | RuntimeException unparsable) {
            Matcher matcher = ADDRESS.matcher(value);
            while (matcher.find()) {
                addresses.add(new MailAddress(clean(matcher.group()), ""));
            }
        }
        return addresses;
    }

    private static String personal(InternetAddress address, Collection<Language> languages) {
        String personal = address.getPersonal();
        if (personal == null) {
            return "";
        }
        return personal.contains("=?") ? decode(personal, languages) : personal;
    }

    private static String decode(String value, Collection<Language> languages) {
        return EncodedWords.decode(value, languages);
    }

    /** One line of text with no CR, LF or other control (or bidi override) characters. */
    private static String clean(String value) {
        return CONTROL.matcher(value.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').replace('\t', ' '))
                .replaceAll("").strip();
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + clean(message));
    }
}
