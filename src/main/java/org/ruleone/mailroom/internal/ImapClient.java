package org.ruleone.mailroom.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Reads a mailbox over IMAP by UID, read-only: nothing is marked, moved or deleted on the server. */
@Component
public class ImapClient {

    private final Duration timeout;

    ImapClient(@Value("${ruleone.mailroom.imap-timeout:PT30S}") Duration timeout) {
        this.timeout = timeout;
    }

    /** Receives each new message with its UID, in UID order; {@code raw} is null for a message left unread. */
    @FunctionalInterface
    public interface Handler {
        void handle(long uid, byte[] raw);
    }

    /** The inbox's UIDVALIDITY and how many messages it holds; throws when it cannot be reached or signed into. */
    public record Check(long uidValidity, int messages) {
    }

    public Check check(Mailboxes.ImapAccount account) throws MessagingException {
        try (Store store = connect(account); Folder inbox = store.getFolder("INBOX")) {
            inbox.open(Folder.READ_ONLY);
            return new Check(((UIDFolder) inbox).getUIDValidity(), inbox.getMessageCount());
        }
    }

    /**
     * Hands every message whose UID is above {@code afterUid} to the handler, oldest first.
     *
     * @param expectedValidity the UIDVALIDITY the caller's {@code afterUid} belongs to, or null on the first reading
     * @param onNewValidity    called (before any message) when the mailbox's UIDVALIDITY is not the expected one
     * @param firstReadSince   on the first reading of a mailbox, messages the server received before this are
     *                         passed over (handed with null bytes), so connecting a mailbox with years of mail does
     *                         not open a case for each of them
     * @param atMost           how many messages one call reads; the rest wait for the next call
     * @return the mailbox's UIDVALIDITY
     */
    public long read(Mailboxes.ImapAccount account, Long expectedValidity, long afterUid,
                     java.util.function.LongConsumer onNewValidity, java.time.Instant firstReadSince, int atMost,
                     Handler handler) throws MessagingException {
        try (Store store = connect(account); Folder inbox = store.getFolder("INBOX")) {
            inbox.open(Folder.READ_ONLY);
            UIDFolder uids = (UIDFolder) inbox;
            long validity = uids.getUIDValidity();
            long after = afterUid;
            boolean firstReading = expectedValidity == null;
            if (firstReading || expectedValidity != validity) {
                onNewValidity.accept(validity);
                after = 0;
            }
            Message[] messages = uids.getMessagesByUID(after + 1, UIDFolder.LASTUID);
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            if (firstReading) {
                profile.add(FetchProfile.Item.ENVELOPE); // with INTERNALDATE
            }
            inbox.fetch(messages, profile);
            int read = 0;
            for (Message message : messages) {
                long uid = uids.getUID(message);
                if (uid <= after) {
                    continue; // "n:*" always answers the last message, even when it is older
                }
                if (read++ >= atMost) {
                    break;
                }
                java.util.Date received = firstReading ? message.getReceivedDate() : null;
                boolean old = received != null && received.toInstant().isBefore(firstReadSince);
                handler.handle(uid, old ? null : raw(message));
            }
            return validity;
        }
    }

    private static byte[] raw(Message message) throws MessagingException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try {
            message.writeTo(raw);
        } catch (IOException e) {
            throw new MessagingException("Cannot read message from the server", e);
        }
        return raw.toByteArray();
    }

    private Store connect(Mailboxes.ImapAccount account) throws MessagingException {
        String protocol = account.tls() ? "imaps" : "imap";
        String millis = String.valueOf(timeout.toMillis());
        Properties properties = new Properties();
        properties.setProperty("mail." + protocol + ".connectiontimeout", millis);
        properties.setProperty("mail." + protocol + ".timeout", millis);
        properties.setProperty("mail." + protocol + ".writetimeout", millis);
        properties.setProperty("mail." + protocol + ".fetchsize", String.valueOf(1 << 20));
        properties.setProperty("mail." + protocol + ".peek", "true");
        if (account.tls()) {
            properties.setProperty("mail.imaps.ssl.checkserveridentity", "true");
        }
        Session session = Session.getInstance(properties);
        Store store = session.getStore(protocol);
        store.connect(account.host(), account.port(), account.user(), account.password());
        return store;
    }
}
