package org.ruleone.mailroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.mail.ParseResult;
import org.ruleone.mail.Quarantine;
import org.ruleone.mail.QuarantineReason;
import org.ruleone.mail.QuarantinedMail;
import org.ruleone.mailroom.internal.Mailboxes;
import org.ruleone.mailroom.internal.PasswordVault;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The owner's mail screen: mailbox settings, the connection test, and the quarantine with its retry. */
@IntegrationTest
@AutoConfigureMockMvc
class MailroomScreenTests extends MailroomTestSupport {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired Mailboxes mailboxes;
    @Autowired PasswordVault vault;
    @Autowired Quarantine quarantine;
    @Autowired JdbcClient jdbc;

    SignedInAssociate owner;
    long store;
    String address;

    @BeforeEach
    void anOwnerAndAStore() {
        owner = people.owner();
        store = people.store("Screen " + System.nanoTime());
        address = newMailbox("screen");
    }

    @Test
    void onlyTheOwnerReachesTheMailScreen() throws Exception {
        mvc.perform(get("/mailroom").with(user(people.person(Role.MANAGER, store)))).andExpect(status().isForbidden());
        mvc.perform(get("/mailroom").with(user(people.person(Role.ASSOCIATE, store)))).andExpect(status().isForbidden());
        mvc.perform(post("/mailroom/stores/{id}", store).param("address", "x@example.com")
                        .with(user(people.person(Role.MANAGER, store))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/mailroom").with(user(owner))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Incoming mailbox (IMAP)")));
    }

    @Test
    void savesTheMailboxWithItsPasswordEncryptedAndNeverShowsThePasswordBack() throws Exception {
        mvc.perform(save(address, "127.0.0.1", String.valueOf(imapPort()), address, "Sup3r-s3cret-pass"))
                .andExpect(redirectedUrlPattern("/mailroom*"));

        byte[] stored = jdbc.sql("select imap_password from mailroom_mailbox where store_id = :s").param("s", store)
                .query((rs, n) -> rs.getBytes(1)).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Sup3r");
        assertThat(vault.decrypt(store, stored)).isEqualTo("Sup3r-s3cret-pass");
        assertThat(mailboxes.account(store)).get().hasToString(
                "ImapAccount[store=" + store + ", " + address + "@127.0.0.1:" + imapPort() + ", tls=false]");
        mvc.perform(get("/mailroom").with(user(owner)))
                .andExpect(content().string(allOf(containsString(address), not(containsString("Sup3r")),
                        containsString("Saved (leave empty to keep it)"))));
    }

    @Test
    void aPasswordCopiedToAnotherStoresRowDoesNotDecrypt() {
        byte[] sealed = vault.encrypt(store, "pw");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vault.decrypt(store + 1, sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keepsWhatWasTypedAndSaysWhatIsWrong() throws Exception {
        mvc.perform(save("not an address", "imap.example.com", "99999", "me", "pw"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Enter an e-mail address such as store@example.com."),
                        containsString("Enter a port between 1 and 65535"),
                        containsString("value=\"not an address\""),
                        containsString("value=\"99999\""),
                        containsString("value=\"imap.example.com\""))));
        assertThat(mailboxes.of(store)).isEmpty();
    }

    @Test
    void aSavedPasswordIsNeverSentToAnotherServerWithoutBeingTypedAgain() throws Exception {
        mailboxes.save(store, address, "127.0.0.1", imapPort(), false, address, PASSWORD);

        mvc.perform(save(address, "evil.example.com", String.valueOf(imapPort()), address, ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the password for this server and user.")));

        assertThat(mailboxes.of(store)).get().extracting(Mailbox::imapHost).isEqualTo("127.0.0.1");
    }

    @Test
    void testsTheConnectionWithTheSavedPasswordAndReportsAFailure() throws Exception {
        mailboxes.save(store, address, "127.0.0.1", imapPort(), false, address, PASSWORD);
        deliver("From: a@example.com\nSubject: one\n\nHello\n", address);

        mvc.perform(test(address, "127.0.0.1", String.valueOf(imapPort()), address, ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Connected. 1 messages in the inbox.")));
        mvc.perform(test(address, "127.0.0.1", String.valueOf(imapPort()), address, "wrong"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Could not connect:"), not(containsString("wrong\"")),
                        containsString("the server refused the user name or password."),
                        not(containsString("GreenMail")), not(containsString("Exception")))));
    }

    @Test
    void refusesAPrivateOrLocalServerUnlessTheOwnerConfirmsItIsTheirs() throws Exception {
        deliver("From: a@example.com\nSubject: one\n\nHello\n", address);
        for (String host : new String[]{"127.0.0.1", "localhost", "10.1.2.3", "192.168.1.10", "172.16.0.5",
                "169.254.169.254", "0.0.0.0", "[::1]"}) {
            for (String path : new String[]{"/mailroom/stores/{id}/test", "/mailroom/stores/{id}"}) {
                mvc.perform(post(path, store).param("address", address).param("imapHost", host)
                                .param("imapPort", String.valueOf(imapPort())).param("_imapTls", "on")
                                .param("imapUser", address).param("imapPassword", PASSWORD).param("_ownNetwork", "on")
                                .with(user(owner)).with(csrf()))
                        .andExpect(status().isOk())
                        .andExpect(content().string(allOf(
                                containsString("This server is on a private or local network address."),
                                not(containsString("Connected.")))));
            }
        }
        assertThat(mailboxes.of(store)).isEmpty();

        mvc.perform(test(address, "127.0.0.1", String.valueOf(imapPort()), address, PASSWORD))
                .andExpect(content().string(containsString("Connected. 1 messages in the inbox.")));
    }

    @Test
    void anUnknownServerOrAServiceThatIsNoMailServerIsToldInPlainWords() throws Exception {
        mvc.perform(test(address, "no-such-host.invalid", "993", address, PASSWORD))
                .andExpect(content().string(containsString("No server of this name was found.")));
        try (java.net.ServerSocket other = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread banner = Thread.ofVirtual().start(() -> {
                try (java.net.Socket s = other.accept()) {
                    s.getOutputStream().write("SSH-2.0-OpenSSH_9.6 secret-banner\r\n".getBytes());
                    s.getOutputStream().flush();
                    Thread.sleep(500);
                } catch (Exception ignored) {
                    // the test only needs the banner sent
                }
            });
            mvc.perform(test(address, "127.0.0.1", String.valueOf(other.getLocalPort()), address, PASSWORD))
                    .andExpect(content().string(allOf(containsString("Could not connect:"),
                            not(containsString("secret-banner")), not(containsString("SSH-2.0")))));
            banner.join(2000);
        }
    }

    @Test
    void showsAQuarantinedMailAsTextOnlyAndRetryFilesItAndTakesItOffTheList() throws Exception {
        byte[] raw = """
                From: Hugo <hugo@example.fr>
                To: shop@example.com
                Subject: Retry me
                Message-ID: <retry-%d@example.fr>
                Content-Type: text/html

                <p>Bonjour <script>alert(1)</script></p>
                """.formatted(System.nanoTime()).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        long id = quarantine.put(raw, new ParseResult.Quarantined(QuarantineReason.UNREADABLE, "an older parser failed"), store);

        mvc.perform(get("/mailroom").with(user(owner)))
                .andExpect(content().string(allOf(containsString("an older parser failed"),
                        containsString("/mailroom/quarantine/" + id))));
        mvc.perform(get("/mailroom/quarantine/{id}", id).with(user(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"),
                        not(containsString("<script>alert")), containsString("Unreadable structure"))));

        mvc.perform(post("/mailroom/quarantine/{id}/retry", id).param("storeId", String.valueOf(store))
                        .with(user(owner)).with(csrf()))
                .andExpect(redirectedUrlPattern("/mailroom*"));

        assertThat(quarantine.newestFirst(1000)).extracting(QuarantinedMail::id).doesNotContain(id);
        assertThat(quarantine.entry(id)).get().satisfies(entry -> {
            assertThat(entry.processedAt()).isNotNull();
            assertThat(entry.retried()).isEqualTo(1);
        });
        assertThat(quarantine.raw(id)).isPresent();
        assertThat(jdbc.sql("select count(*) from service_case where store_id = :s and subject = 'Retry me'")
                .param("s", store).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aMailThatStillCannotBeReadStaysInTheQuarantine() throws Exception {
        byte[] raw = "Subject: nobody sent this\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        long id = quarantine.put(raw, new ParseResult.Quarantined(QuarantineReason.NO_SENDER, "no From"), store);

        mvc.perform(post("/mailroom/quarantine/{id}/retry", id).param("storeId", String.valueOf(store))
                        .with(user(owner)).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/mailroom/quarantine/" + id));

        assertThat(quarantine.newestFirst(1000)).extracting(QuarantinedMail::id).contains(id);
        assertThat(quarantine.entry(id)).get().extracting(QuarantinedMail::retried).isEqualTo(1);
    }

    private org.springframework.test.web.servlet.RequestBuilder save(String address, String host, String port,
                                                                     String user, String password) {
        return form("/mailroom/stores/{id}", address, host, port, user, password);
    }

    private org.springframework.test.web.servlet.RequestBuilder test(String address, String host, String port,
                                                                     String user, String password) {
        return form("/mailroom/stores/{id}/test", address, host, port, user, password);
    }

    private org.springframework.test.web.servlet.RequestBuilder form(String path, String address, String host,
                                                                     String port, String imapUser, String password) {
        // GreenMail listens on 127.0.0.1: the owner confirms it is on their own network.
        return post(path, store).param("address", address).param("imapHost", host).param("imapPort", port)
                .param("_imapTls", "on").param("imapUser", imapUser).param("imapPassword", password)
                .param("ownNetwork", "true").param("_ownNetwork", "on")
                .with(user(owner)).with(csrf());
    }

}
