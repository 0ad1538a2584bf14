package org.ruleone.mailroom;

import java.time.Instant;

/**
 * A store's mailbox as the owner's screen shows it: never with its password, only whether one is set.
 *
 * @param address     the store's address, used as From and Reply-To of our mail
 * @param imapHost    empty when the store has no IMAP mailbox to read
 * @param lastError   why the latest poll failed, or null when it worked
 */
public record Mailbox(long storeId, String address, String imapHost, Integer imapPort, boolean imapTls,
                      String imapUser, boolean hasPassword, Instant lastPolledAt, String lastError) {

    public boolean readable() {
        return imapHost != null && !imapHost.isBlank() && imapPort != null && imapUser != null && !imapUser.isBlank()
                && hasPassword;
    }
}
