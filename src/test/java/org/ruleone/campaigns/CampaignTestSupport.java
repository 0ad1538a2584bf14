package org.ruleone.campaigns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Reads what GreenMail received: recipients, text, and the parts of a given type. */
public final class CampaignTestSupport {

    private CampaignTestSupport() {
    }

    public static String to(MimeMessage m) throws MessagingException {
        return ((InternetAddress) m.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress().toLowerCase();
    }

    public static MimeMessage mailTo(MimeMessage[] received, String address) throws MessagingException {
        for (MimeMessage m : received) {
            if (to(m).equalsIgnoreCase(address)) {
                return m;
            }
        }
        throw new AssertionError("No mail to " + address + " among " + Arrays.toString(addresses(received)));
    }

    public static String[] addresses(MimeMessage[] received) throws MessagingException {
        String[] a = new String[received.length];
        for (int i = 0; i < received.length; i++) {
            a[i] = to(received[i]);
        }
        return a;
    }

    /** The decoded content of every part whose type starts with {@code type}, e.g. {@code text/plain}. */
    public static List<String> parts(Part part, String type) throws MessagingException, IOException {
        List<String> found = new ArrayList<>();
        collect(part, type.toLowerCase(), found);
        return found;
    }

    public static String text(MimeMessage m) throws MessagingException, IOException {
        List<String> plain = parts(m, "text/plain");
        if (plain.isEmpty()) {
            throw new AssertionError("No text/plain part");
        }
        return plain.getFirst();
    }

    private static void collect(Part part, String type, List<String> found) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                collect(child, type, found);
            }
            return;
        }
        if (part.getContentType().toLowerCase().startsWith(type)) {
            if (content instanceof String s) {
                found.add(s);
            } else if (content instanceof InputStream in) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                found.add(out.toString(java.nio.charset.StandardCharsets.UTF_8));
            } else {
                found.add(String.valueOf(content));
            }
        }
    }
}
