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

    /** Receives each new message with its UID; the mailbox is read in UID order. */
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
     * @param expectedValidity the UIDVALIDITY the caller's {@code afterUid} belongs to, or null
     * @param onNewValidity    called (before any message) when the mailbox's UIDVALIDITY is not the expected one
     * @return the mailbox's UIDVALIDITY
     */
    public long read(Mailboxes.ImapAccount account, Long expectedValidity, long afterUid,
                     java.util.function.LongConsumer onNewValidity, Handler handler) throws MessagingException {
        try (Store store = connect(account); Folder inbox = store.getFolder("INBOX")) {
            inbox.open(Folder.READ_ONLY);
            UIDFolder uids = (UIDFolder) inbox;
            long validity = uids.getUIDValidity();
            long after = afterUid;
            if (expectedValidity == null || expectedValidity != validity) {
                onNewValidity.accept(validity);
                after = 0;
            }
            Message[] messages = uids.getMessagesByUID(after + 1, UIDFolder.LASTUID);
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            inbox.fetch(messages, profile);
            for (Message message : messages) {
                long uid = uids.getUID(message);
                if (uid <= after) {
                    continue; // "n:*" always answers the last message, even when it is older
                }
                handler.handle(uid, raw(message));
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
