package org.ruleone.mailroom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.ruleone.support.RawSmtp;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One GreenMail (SMTP and IMAP in this JVM, on free ports) for every mailroom test, and the application's
 * outgoing mail pointed at it; all mailroom tests extend this class so they share one application context.
 */
public abstract class MailroomTestSupport {

    public static final String PASSWORD = "imap secret 7!";
    public static final GreenMail GREEN_MAIL = start();

    private static GreenMail start() {
        GreenMail greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        greenMail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        return greenMail;
    }

    @DynamicPropertySource
    static void outgoingMailToGreenMail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> GREEN_MAIL.getSmtp().getPort());
    }

    public static int imapPort() {
        return GREEN_MAIL.getImap().getPort();
    }

    /** A new mailbox on GreenMail, so tests never see each other's mail. */
    public static String newMailbox(String prefix) {
        String address = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@localhost";
        GREEN_MAIL.setUser(address, address, PASSWORD);
        return address;
    }

    /** Hands raw bytes to GreenMail over a bare SMTP session, as a mail server would receive them. */
    public static boolean deliver(byte[] raw, String recipient) throws IOException {
        return RawSmtp.deliver(GREEN_MAIL.getSmtp().getPort(), raw, recipient);
    }

    public static void deliver(String raw, String recipient) throws IOException {
        if (!deliver(raw.getBytes(StandardCharsets.UTF_8), recipient)) {
            throw new IllegalStateException("GreenMail refused the mail");
        }
    }
}
