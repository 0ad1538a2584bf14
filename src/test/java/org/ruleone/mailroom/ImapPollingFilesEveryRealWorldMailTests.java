package org.ruleone.mailroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.mail.InboundMail;
import org.ruleone.mail.MailKind;
import org.ruleone.mail.MailParser;
import org.ruleone.mail.ParseResult;
import org.ruleone.mail.Quarantine;
import org.ruleone.mailroom.internal.InboundRouter.Outcome;
import org.ruleone.mailroom.internal.Mailboxes;
import org.ruleone.mailroom.internal.MailroomPoller;
import org.ruleone.service.CaseDesk;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every real-world mail in ../shared/data/emails, delivered to a store's mailbox on GreenMail and read by the
 * poller over IMAP: each becomes a case, a message in one, an auto-reply or bounce, or a quarantine entry with its
 * reason; nothing is read twice.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ImapPollingFilesEveryRealWorldMailTests extends MailroomTestSupport {

    static final Path FIXTURES = Path.of("../shared/data/emails");

    @Autowired MailroomPoller poller;
    @Autowired Mailboxes mailboxes;
    @Autowired MailParser parser;
    @Autowired Quarantine quarantine;
    @Autowired CaseDesk desk;
    @Autowired TestPeople people;
    @Autowired JdbcClient jdbc;

    long store;
    String address;

    @BeforeEach
    void aStoreReadingItsMailboxOnGreenMail() {
        store = people.store("Real mail " + System.nanoTime());
        address = newMailbox("realmail");
        mailboxes.save(store, address, "127.0.0.1", imapPort(), false, address, PASSWORD);
    }

    record Row(long uid, String key, Outcome outcome, Long caseId, Long quarantineId) {
    }

    @Test
    void filesEveryRealWorldMailReadOverImapAndReadsNothingTwice() throws Exception {
        List<Path> delivered = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Path fixture : fixtures()) {
            if (deliver(Files.readAllBytes(fixture), address)) {
                delivered.add(fixture);
            } else {
                refused.add(fixture.getFileName().toString());
            }
        }
        // Every mail goes through the real IMAP path (GreenMail before 2.1.6 refused spam.eml; see ADR 11).
        assertThat(refused).isEmpty();
        assertThat(delivered).hasSizeGreaterThan(50);

        MailroomPoller.Poll first = poller.pollStore(store);

        assertThat(mailboxes.of(store)).get().extracting(Mailbox::lastError).isNull();
        assertThat(first.total()).as("every delivered mail handled").isEqualTo(delivered.size());
        List<Row> rows = rows();
        Set<String> keysSeen = new HashSet<>();
        SoftAssertions softly = new SoftAssertions();
        int rowIndex = 0;
        int duplicates = 0;
        for (Path fixture : delivered) {
            String name = FIXTURES.relativize(fixture).toString();
            ParseResult direct = parser.parse(Files.readAllBytes(fixture));
            String key = direct instanceof ParseResult.Parsed(InboundMail mail) && !mail.messageId().isBlank()
                    ? mail.messageId() : null;
            if (key != null && !keysSeen.add(key)) {
                // a second mail with a Message-ID already filed in this mailbox is the same mail: not filed again
                duplicates++;
                continue;
            }
            Row row = rows.get(rowIndex++);
            softly.assertThat(row.outcome()).as(name).isNotNull();
            switch (direct) {
                case ParseResult.Quarantined why -> {
                    softly.assertThat(row.outcome()).as(name).isEqualTo(Outcome.QUARANTINED);
                    softly.assertThat(quarantine.entry(row.quarantineId()))
                            .as(name).get().satisfies(entry -> {
                                assertThat(entry.reason()).isEqualTo(why.reason());
                                assertThat(entry.detail()).isNotBlank();
                                assertThat(entry.storeId()).isEqualTo(store);
                            });
                }
                case ParseResult.Parsed(InboundMail mail) when mail.kind() == MailKind.BOUNCE ->
                        softly.assertThat(row.outcome()).as(name).isEqualTo(Outcome.BOUNCE);
                case ParseResult.Parsed(InboundMail mail) when mail.kind() == MailKind.AUTO_REPLY ->
                        softly.assertThat(row.outcome()).as(name).isEqualTo(Outcome.AUTO_REPLY);
                case ParseResult.Parsed parsed -> {
                    softly.assertThat(row.outcome()).as(name).isIn(Outcome.OPENED_CASE, Outcome.ADDED_TO_CASE);
                    softly.assertThat(row.caseId()).as(name).isNotNull();
                    if (row.caseId() != null) {
                        softly.assertThat(desk.find(row.caseId(), Optional.of(store))).as(name).isPresent();
                    }
                }
            }
        }
        softly.assertAll();
        assertThat(rows).as("one row per distinct mail").hasSize(rowIndex);
        assertThat(first.outcomes().getOrDefault(Outcome.DUPLICATE, 0)).isEqualTo(duplicates);
        assertThat(rows).extracting(Row::outcome).doesNotContainNull();
        assertThat(rows).extracting(Row::outcome).contains(Outcome.OPENED_CASE, Outcome.QUARANTINED, Outcome.BOUNCE);
        int cases = caseCount();

        MailroomPoller.Poll second = poller.pollStore(store);

        assertThat(second.total()).as("a second poll reads nothing").isZero();
        assertThat(rows()).hasSameSizeAs(rows);
        assertThat(caseCount()).isEqualTo(cases);
    }

    @Test
    void aCrashBeforeTheLastUidWasSavedNeitherLosesNorDoublesMail() throws Exception {
        deliver("""
                From: Anna Nowak <anna@example.pl>
                To: shop@example.com
                Subject: Zamek w kurtce
                Message-ID: <crash-1@example.pl>

                Zamek się zepsuł.
                """, address);
        poller.pollStore(store);
        int cases = caseCount();
        // As if the process died after filing the mail but before the UID reached the database.
        jdbc.sql("update mailroom_mailbox set last_uid = 0 where store_id = :store").param("store", store).update();
        deliver("""
                From: Jan Kowalski <jan@example.pl>
                To: shop@example.com
                Subject: Rozmiar butów
                Message-ID: <crash-2@example.pl>

                Czy macie 44?
                """, address);

        MailroomPoller.Poll again = poller.pollStore(store);

        assertThat(again.outcomes()).containsEntry(Outcome.DUPLICATE, 1).containsEntry(Outcome.OPENED_CASE, 1);
        assertThat(caseCount()).isEqualTo(cases + 1);
    }

    @Test
    void aMailboxThatCannotBeReadNeverStopsTheOthers() throws Exception {
        long broken = people.store("Broken mailbox " + System.nanoTime());
        String brokenAddress = newMailbox("broken");
        mailboxes.save(broken, brokenAddress, "127.0.0.1", imapPort(), false, brokenAddress, "wrong password");
        deliver("""
                From: Marie Curie <marie@example.fr>
                To: shop@example.com
                Subject: Retouche
                Message-ID: <still-read@example.fr>

                Bonjour, ma veste est prête ?
                """, address);

        MailroomPoller.Poll poll = poller.pollAll();

        // every mailbox of the application is read here, other tests' among them
        assertThat(poll.failedMailboxes()).isGreaterThanOrEqualTo(1);
        assertThat(caseCount()).isEqualTo(1);
        assertThat(mailboxes.of(broken)).get().extracting(Mailbox::lastError).asString().isNotBlank();
        assertThat(mailboxes.of(store)).get().extracting(Mailbox::lastError).isNull();
    }

    @Test
    void theFirstReadingOfAMailboxPassesOverMailReceivedMoreThanTwoWeeksBefore() throws Exception {
        appendReceivedOn(java.time.Instant.parse("2020-01-06T09:00:00Z"), """
                From: Old Customer <old@example.com>
                Subject: From years ago
                Message-ID: <years-ago@example.com>

                This was answered long ago.
                """);
        deliver("""
                From: New Customer <new@example.com>
                Subject: Today
                Message-ID: <today@example.com>

                Hello.
                """, address);

        MailroomPoller.Poll poll = poller.pollStore(store);

        assertThat(poll.outcomes()).containsExactly(Map.entry(Outcome.OPENED_CASE, 1));
        assertThat(rows()).extracting(Row::key).containsExactly("<today@example.com>");
        assertThat(poller.pollStore(store).total()).isZero();
    }

    /** IMAP APPEND with an INTERNALDATE in the past, as a mailbox with history holds it. */
    private void appendReceivedOn(java.time.Instant received, String raw) throws Exception {
        jakarta.mail.Session session = jakarta.mail.Session.getInstance(new java.util.Properties());
        try (jakarta.mail.Store imap = session.getStore("imap")) {
            imap.connect("127.0.0.1", imapPort(), address, PASSWORD);
            try (jakarta.mail.Folder inbox = imap.getFolder("INBOX")) {
                inbox.open(jakarta.mail.Folder.READ_WRITE);
                jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(session,
                        new java.io.ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                    @Override
                    public java.util.Date getReceivedDate() {
                        return java.util.Date.from(received);
                    }
                };
                inbox.appendMessages(new jakarta.mail.Message[] {message});
            }
        }
    }

    private List<Row> rows() {
        return jdbc.sql("""
                select uid, dedupe_key, outcome, case_id, quarantine_id from mailroom_inbound
                 where store_id = :store order by uid
                """)
                .param("store", store)
                .query((rs, n) -> new Row(rs.getLong("uid"), rs.getString("dedupe_key"),
                        Outcome.valueOf(rs.getString("outcome")), (Long) rs.getObject("case_id"),
                        (Long) rs.getObject("quarantine_id")))
                .list();
    }

    private int caseCount() {
        return jdbc.sql("select count(*) from service_case where store_id = :store").param("store", store)
                .query(Integer.class).single();
    }

    static List<Path> fixtures() {
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("LICENSE"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
