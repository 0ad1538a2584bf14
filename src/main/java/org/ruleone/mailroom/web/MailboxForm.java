package org.ruleone.mailroom.web;

import org.ruleone.mailroom.Mailbox;

/** What the owner types about one store's mailbox; the port stays text so a typo is shown back as typed. */
public class MailboxForm {

    private String address = "";
    private String imapHost = "";
    private String imapPort = "993";
    private boolean imapTls = true;
    private String imapUser = "";
    private String imapPassword = "";
    private boolean ownNetwork;

    static MailboxForm of(Mailbox mailbox) {
        MailboxForm form = new MailboxForm();
        form.address = mailbox.address();
        form.imapHost = mailbox.imapHost() == null ? "" : mailbox.imapHost();
        form.imapPort = mailbox.imapPort() == null ? "993" : String.valueOf(mailbox.imapPort());
        form.imapTls = mailbox.imapTls();
        form.imapUser = mailbox.imapUser() == null ? "" : mailbox.imapUser();
        return form;
    }

    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address == null ? "" : address.strip(); }
    public String getImapHost() { return imapHost; }
    public void setImapHost(String imapHost) { this.imapHost = imapHost == null ? "" : imapHost.strip(); }
    public String getImapPort() { return imapPort; }
    public void setImapPort(String imapPort) { this.imapPort = imapPort == null ? "" : imapPort.strip(); }
    public boolean isImapTls() { return imapTls; }
    public void setImapTls(boolean imapTls) { this.imapTls = imapTls; }
    public String getImapUser() { return imapUser; }
    public void setImapUser(String imapUser) { this.imapUser = imapUser == null ? "" : imapUser.strip(); }
    public String getImapPassword() { return imapPassword; }
    public void setImapPassword(String imapPassword) { this.imapPassword = imapPassword == null ? "" : imapPassword; }

    /** The owner confirms a server on a private or local address is their own. */
    public boolean isOwnNetwork() { return ownNetwork; }
    public void setOwnNetwork(boolean ownNetwork) { this.ownNetwork = ownNetwork; }

    /** Never print the password. */
    @Override
    public String toString() {
        return "MailboxForm[" + address + ", " + imapUser + "@" + imapHost + ":" + imapPort + "]";
    }
}
