package org.ruleone.mailroom.web;

import org.ruleone.mailroom.Mailbox;

/**
 * What the owner types about one store's mailbox; the port stays text so a typo is shown back as typed.
 * A checkbox left out of the request keeps its default. {@code ownNetwork}: the owner confirms a server on a private or local address is their own.
 */
public record MailboxForm(String address, String imapHost, String imapPort, Boolean imapTls, String imapUser,
                          String imapPassword, Boolean ownNetwork) {

    public MailboxForm {
        address = address == null ? "" : address.strip();
        imapHost = imapHost == null ? "" : imapHost.strip();
        imapPort = imapPort == null ? "993" : imapPort.strip();
        imapTls = imapTls == null || imapTls;
        imapUser = imapUser == null ? "" : imapUser.strip();
        imapPassword = imapPassword == null ? "" : imapPassword;
        ownNetwork = ownNetwork != null && ownNetwork;
    }

    static MailboxForm empty() {
        return new MailboxForm("", "", "993", true, "", "", false);
    }

    static MailboxForm of(Mailbox mailbox) {
        return new MailboxForm(mailbox.address(), mailbox.imapHost(),
                mailbox.imapPort() == null ? "993" : String.valueOf(mailbox.imapPort()), mailbox.imapTls(),
                mailbox.imapUser(), "", false);
    }

    /** The form as shown back: a password never goes back to the browser. */
    MailboxForm withoutPassword() {
        return new MailboxForm(address, imapHost, imapPort, imapTls, imapUser, "", ownNetwork);
    }

    /** Never print the password. */
    @Override
    public String toString() {
        return "MailboxForm[" + address + ", " + imapUser + "@" + imapHost + ":" + imapPort + "]";
    }
}
