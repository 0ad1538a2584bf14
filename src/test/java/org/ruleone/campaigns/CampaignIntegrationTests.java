package org.ruleone.campaigns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.ConsentChannel;
import org.ruleone.customers.ConsentMethod;
import org.ruleone.customers.ConsentState;
import org.ruleone.customers.Consents;
import org.ruleone.customers.PostalAddress;
import org.ruleone.mail.BounceReceived;
import org.ruleone.mail.Outbox;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.ApiTokens;
import org.ruleone.purchases.ColumnMapping;
import org.ruleone.purchases.PurchaseImports;
import org.ruleone.shared.IllegalTransitionException;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.ruleone.campaigns.CampaignTestSupport.addresses;
import static org.ruleone.campaigns.CampaignTestSupport.mailTo;
import static org.ruleone.campaigns.CampaignTestSupport.parts;
import static org.ruleone.campaigns.CampaignTestSupport.text;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class CampaignIntegrationTests {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
        registry.add("ruleone.public-url", () -> "https://shop.example");
    }

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    @Autowired TestPeople people;
    @Autowired ClientBook book;
    @Autowired Consents consents;
    @Autowired Campaigns campaigns;
    @Autowired CampaignSender sender;
    @Autowired Outbox outbox;
    @Autowired PurchaseImports imports;
    @Autowired ApiTokens tokens;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;

    long store;
    SignedInAssociate manager;
    SignedInAssociate anna;
    SignedInAssociate bruno;
    String tag;

    @BeforeEach
    void storeWithTwoAssociates() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
        store = people.store("Warsaw " + System.nanoTime());
        manager = people.person(Role.MANAGER, store);
        anna = people.person(Role.ASSOCIATE, store);
        bruno = people.person(Role.ASSOCIATE, store);
        tag = "shoes-" + System.nanoTime();
    }

    @Test
    void queuesNoEmailForAClientWithoutEmailConsentInForceWhicheverWayTheyCameIn() throws Exception {
        // Imported from a till export: the import creates the client; the associate adds an e-mail, no consent.
        Path csv = Files.createTempFile("till", ".csv");
        Files.writeString(csv, """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,%s,France
                """.formatted("X" + System.nanoTime()));
        imports.importNow(new PurchaseImports.Request(store, csv, "till.csv", ColumnMapping.onlineRetail(), false,
                manager.id()));
        long imported = jdbc.sql("select customer_id from purchase where store_id = :s").param("s", store)
                .query(Long.class).single();
        Client importedClient = book.client(imported, Optional.empty()).orElseThrow();
        ClientDraft withMail = new ClientDraft(store, importedClient.externalId(), "Ines", "Import",
                "ines.import@example.fr", "", PostalAddress.NONE, Language.FR, "", List.of(tag), List.of(), "",
                anna.id());
        book.update(imported, Optional.empty(), withMail);

        // Pushed by a till through the API: a client with a POS number and nothing else.
        String token = tokens.create("till", store, people.owner().id());
        mvc.perform(post("/api/purchases").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"storeId": %d, "invoice": "T-%d", "date": "2026-05-01T10:15:00", "customerId": "A%d",
                                 "lines": [{"sku": "1", "description": "Loafer", "quantity": 1, "unitPrice": 120}]}
                                """.formatted(store, System.nanoTime(), System.nanoTime())))
                .andExpect(status().isCreated());

        // Added on the client screen with an e-mail, consent never asked.
        mvc.perform(post("/clients").with(user(anna)).with(csrf())
                        .param("firstName", "Nora").param("lastName", "Never").param("email", "nora.never@example.com")
                        .param("language", "en").param("tags", tag).param("storeId", String.valueOf(store)))
                .andExpect(status().is3xxRedirection());
        // Added on the screen, then consent granted on the client page.
        mvc.perform(post("/clients").with(user(anna)).with(csrf())
                        .param("firstName", "Gala").param("lastName", "Granted").param("email", "gala@example.com")
                        .param("language", "en").param("tags", tag).param("storeId", String.valueOf(store))
                        .param("associateId", String.valueOf(anna.id())))
                .andExpect(status().is3xxRedirection());
        long gala = idOf("gala@example.com");
        mvc.perform(post("/clients/{id}/consents", gala).with(user(anna)).with(csrf())
                        .param("channel", "EMAIL").param("granted", "true"))
                .andExpect(status().is3xxRedirection());

        long moved = client("Marek", "Moved", "marek@example.pl", Language.PL, anna.id());
        grant(moved);
        book.reassign(moved, Optional.empty(), bruno.id());

        long withdrew = client("Wanda", "Withdrew", "wanda@example.pl", Language.PL, anna.id());
        grant(withdrew);
        consents.record(withdrew, ConsentChannel.EMAIL, false, ConsentMethod.IN_STORE, anna.id());

        long declined = client("Denis", "Declined", "denis@example.fr", Language.FR, anna.id());
        consents.record(declined, ConsentChannel.EMAIL, false, ConsentMethod.IN_STORE, anna.id());

        long postOnly = client("Paul", "Post", "paul@example.com", Language.EN, anna.id());
        consents.record(postOnly, ConsentChannel.POST, true, ConsentMethod.IN_STORE, anna.id());

        long noAddress = client("Olga", "Offline", "", Language.PL, anna.id());
        grant(noAddress);

        Campaign c = campaign(AudienceFilter.everyone(store));
        AudienceCount count = campaigns.count(c);
        assertThat(count.in()).isEqualTo(2);
        assertThat(count.leftOut(LeftOutReason.NO_CONSENT)).as("import, API, screen, declined, post only").isEqualTo(5);
        assertThat(count.leftOut(LeftOutReason.WITHDRAWN)).isEqualTo(1);
        assertThat(count.leftOut(LeftOutReason.NO_ADDRESS)).isEqualTo(1);

        assertThat(sender.send(c.id(), manager)).isEqualTo(2);
        assertThatThrownBy(() -> sender.send(c.id(), manager)).as("sending twice queues nothing")
                .isInstanceOf(IllegalTransitionException.class);
        outbox.sendDue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                        "select status from campaign_recipient where campaign_id = :c").param("c", c.id())
                .query(String.class).list()).as("the outbox's report reached the campaign").containsOnly("SENT"));

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(addresses(received)).containsExactlyInAnyOrder("gala@example.com", "marek@example.pl");
        assertThat(((InternetAddress) mailTo(received, "marek@example.pl").getFrom()[0]).getAddress())
                .as("the reassigned client hears from their new associate").isEqualToIgnoringCase(bruno.email());
        assertThat(((InternetAddress) mailTo(received, "gala@example.com").getFrom()[0]).getAddress())
                .isEqualToIgnoringCase(anna.email());
    }

    @Test
    void sendsAnIcsInvitationInUtcWithOneClickUnsubscribeHeadersInTheClientsLanguage() throws Exception {
        long fr = client("Élise", "Durand", "elise@example.fr", Language.FR, anna.id());
        long pl = client("Zofia", "Żak", "zofia@example.pl", Language.PL, null);
        grant(fr);
        grant(pl);
        Campaign c = campaign(new AudienceFilter(store, List.of(tag.toUpperCase()), null, null, null, null, Set.of()));
        sender.send(c.id(), manager);
        outbox.sendDue();

        MimeMessage toElise = mailTo(greenMail.getReceivedMessages(), "elise@example.fr");
        assertThat(toElise.getSubject()).isEqualTo("Soirée chaussures");
        assertThat(text(toElise)).contains("Bonjour Élise,", "Les nouveaux mocassins", "Au plaisir de vous voir,",
                anna.name());
        String[] listUnsubscribe = toElise.getHeader("List-Unsubscribe");
        assertThat(listUnsubscribe).hasSize(1);
        assertThat(listUnsubscribe[0].replaceAll("\\s+", " "))
                .matches("<https://shop\\.example/public/unsubscribe/s1\\.[A-Za-z0-9_-]+\\.\\d+\\.[A-Za-z0-9_-]+>, "
                        + "<mailto:unsubscribe@shop\\.example\\?subject=unsubscribe%20s1\\.[^>]+>");
        assertThat(toElise.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

        List<String> ics = parts(toElise, "text/calendar");
        assertThat(ics).hasSize(1);
        String unfolded = ics.getFirst().replace("\r\n ", "");
        assertThat(unfolded).contains("BEGIN:VCALENDAR\r\n", "METHOD:REQUEST\r\n", "VERSION:2.0\r\n",
                "UID:campaign-" + c.id() + "@shop.example\r\n",
                // 18:30 in Warsaw on 3 December is 17:30 UTC
                "DTSTART:20261203T173000Z\r\n", "DTEND:20261203T203000Z\r\n",
                "SUMMARY:Soirée chaussures\r\n", "LOCATION:ul. Nowy Świat 1\\, Warszawa\r\n",
                "ATTENDEE;CN=\"Élise Durand\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:elise@example.fr",
                "END:VEVENT\r\nEND:VCALENDAR\r\n");
        for (String line : ics.getFirst().split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }

        MimeMessage toZofia = mailTo(greenMail.getReceivedMessages(), "zofia@example.pl");
        assertThat(toZofia.getSubject()).isEqualTo("Wieczór z butami");
        assertThat(text(toZofia)).contains("Dzień dobry, Zofia,", "Nowe mokasyny", "Tak, przyjdę");
        assertThat(((InternetAddress) toZofia.getFrom()[0]).getPersonal())
                .as("a client nobody keeps hears from the store").contains(storeName());
    }

    @Test
    void unsubscribingWithdrawsConsentWithProofAndTheNextCampaignLeavesTheClientOut() throws Exception {
        long client = client("Ula", "Unsub", "ula@example.pl", Language.PL, anna.id());
        long other = client("Olek", "Stays", "olek@example.pl", Language.PL, anna.id());
        grant(client);
        grant(other);
        Campaign first = campaign(AudienceFilter.everyone(store));
        sender.send(first.id(), manager);
        outbox.sendDue();
        String link = link(text(mailTo(greenMail.getReceivedMessages(), "ula@example.pl")), "/public/unsubscribe/");

        mvc.perform(get(link)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Tak, wypisz mnie")));
        // What a mail program sends for List-Unsubscribe-Post: no session, no CSRF token, no login.
        mvc.perform(post(link).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());

        ConsentState now = consents.current(client, ConsentChannel.EMAIL).orElseThrow();
        assertThat(now.granted()).isFalse();
        assertThat(now.method()).isEqualTo(ConsentMethod.UNSUBSCRIBE);
        assertThat(now.recordedBy()).isNull();
        assertThat(now.wording()).contains("Wydarzenie butów", "kampania " + first.id(), "jednym kliknięciem");
        assertThat(consents.granted(other, ConsentChannel.EMAIL)).isTrue();

        mvc.perform(post(link.substring(0, link.length() - 2) + "xx").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("List-Unsubscribe=One-Click")).andExpect(status().isNotFound());

        Campaign next = campaign(AudienceFilter.everyone(store));
        AudienceCount count = campaigns.count(next);
        assertThat(count.in()).isEqualTo(1);
        assertThat(count.leftOut(LeftOutReason.WITHDRAWN)).isEqualTo(1);
        greenMail.purgeEmailFromAllMailboxes();
        sender.send(next.id(), manager);
        outbox.sendDue();
        assertThat(addresses(greenMail.getReceivedMessages())).containsExactly("olek@example.pl");
    }

    @Test
    void anUnsubscribeLinkSentBeforeSignedLinksStillWorks() throws Exception {
        byte[] fresh = new byte[32];
        new java.security.SecureRandom().nextBytes(fresh);
        jdbc.sql("insert into campaign_link_key (id, secret) values (1, :s) on conflict (id) do nothing")
                .param("s", fresh).update();
        byte[] key = jdbc.sql("select secret from campaign_link_key where id = 1").query(byte[].class).single();
        long client = client("Lea", "Legacy", "lea@example.pl", Language.PL, anna.id());
        grant(client);
        Campaign c = campaign(AudienceFilter.everyone(store));
        sender.send(c.id(), manager);
        String payload = "U." + c.id() + "." + client;
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        String legacy = payload + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(payload.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

        mvc.perform(get("/public/rsvp/" + legacy.replaceFirst("^U", "R"))).andExpect(status().isNotFound());
        mvc.perform(post("/public/unsubscribe/" + legacy).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("List-Unsubscribe=One-Click")).andExpect(status().isOk());

        assertThat(consents.granted(client, ConsentChannel.EMAIL)).isFalse();
    }

    @Test
    void aClientAnswersTheInvitationFromTheLinkWithoutSigningIn() throws Exception {
        long client = client("Rita", "Rsvp", "rita@example.com", Language.EN, anna.id());
        grant(client);
        Campaign c = campaign(AudienceFilter.everyone(store));
        sender.send(c.id(), manager);
        outbox.sendDue();
        String yes = link(text(mailTo(greenMail.getReceivedMessages(), "rita@example.com")), "/public/rsvp/");
        assertThat(yes).endsWith("?answer=yes");
        String path = yes.substring(0, yes.indexOf('?'));

        mvc.perform(get(yes)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Shoe evening")));
        mvc.perform(post(path).param("answer", "YES").with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString("we look forward to seeing you")));
        mvc.perform(post(path.replace("/public/rsvp/", "/public/unsubscribe/"))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
                .andExpect(status().isNotFound()); // an RSVP link does not unsubscribe

        assertThat(campaigns.results(campaigns.find(c.id()).orElseThrow()).rsvpYes()).isEqualTo(1);
    }

    @Test
    void aPermanentBounceMarksTheAddressUndeliverableAndLaterCampaignsLeaveItOut() throws Exception {
        long client = client("Bob", "Bounce", "bob@dead.example", Language.EN, anna.id());
        grant(client);
        Campaign c = campaign(AudienceFilter.everyone(store));
        sender.send(c.id(), manager);
        String messageId = jdbc.sql("select message_id from campaign_recipient where campaign_id = :c")
                .param("c", c.id()).query(String.class).single();

        // As the mailroom does: in the transaction that files the report; campaigns hears of it after the commit.
        transaction.executeWithoutResult(status ->
                events.publishEvent(new BounceReceived(messageId, "bob@dead.example", true, Instant.now())));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(campaigns.results(campaigns.find(c.id()).orElseThrow()).bounced()).isEqualTo(1));
        AudienceCount next = campaigns.count(campaign(AudienceFilter.everyone(store)));
        assertThat(next.in()).isZero();
        assertThat(next.leftOut(LeftOutReason.UNDELIVERABLE)).isEqualTo(1);
    }

    @Test
    void aSecondSendIsRefusedWithAMessageAndQueuesNothing() throws Exception {
        long zofia = client("Zofia", "Wójcik", "zofia@example.pl", Language.PL, anna.id());
        grant(zofia);
        Campaign c = campaign(new AudienceFilter(store, List.of(tag.toUpperCase()), null, null, null, null, Set.of()));
        mvc.perform(post("/campaigns/{id}/send", c.id()).with(user(manager)).with(csrf()))
                .andExpect(flash().attribute("queued", 1));
        Campaign sent = campaigns.find(c.id()).orElseThrow();

        mvc.perform(post("/campaigns/{id}/send", c.id()).with(user(anna)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "campaigns.error.alreadySent"))
                .andExpect(flash().attributeCount(1));

        assertThat(campaigns.find(c.id()).orElseThrow()).isEqualTo(sent);
        assertThat(sent.sentBy()).isEqualTo(manager.id());
        assertThat(jdbc.sql("select count(*) from campaign_recipient where campaign_id = :c").param("c", c.id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anotherStoresCampaignIsNotFoundForAnAssociate() throws Exception {
        Campaign c = campaign(AudienceFilter.everyone(store));
        long elsewhere = people.store("Elsewhere " + System.nanoTime());
        SignedInAssociate stranger = people.person(Role.ASSOCIATE, elsewhere);
        mvc.perform(get("/campaigns/{id}", c.id()).with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(post("/campaigns/{id}/send", c.id()).with(user(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(campaigns.find(c.id()).orElseThrow().status()).isEqualTo(CampaignStatus.DRAFT);
    }

    private Campaign campaign(AudienceFilter audience) {
        Map<Language, String> titles = new EnumMap<>(Language.class);
        titles.put(Language.EN, "Shoe evening");
        titles.put(Language.FR, "Soirée chaussures");
        titles.put(Language.PL, audience.tags().isEmpty() ? "Wydarzenie butów" : "Wieczór z butami");
        Map<Language, String> bodies = new EnumMap<>(Language.class);
        bodies.put(Language.EN, "The new loafers have arrived; come and try them with a glass of champagne.");
        bodies.put(Language.FR, "Les nouveaux mocassins sont arrivés ; venez les essayer autour d’une coupe.");
        bodies.put(Language.PL, "Nowe mokasyny już są; zapraszamy na przymiarki przy lampce szampana.");
        Instant start = LocalDateTime.of(2026, 12, 3, 18, 30).atZone(WARSAW).toInstant();
        long id = campaigns.create(new CampaignDraft(CampaignKind.EVENT, store, titles, bodies,
                "ul. Nowy Świat 1, Warszawa", start, start.plusSeconds(3 * 3600), audience, 30), manager);
        return campaigns.find(id).orElseThrow();
    }

    private long client(String first, String last, String email, Language language, Long associate) {
        return book.add(new ClientDraft(store, null, first, last, email, "", PostalAddress.NONE, language, "",
                List.of(tag), List.of(), "", associate));
    }

    private void grant(long client) {
        consents.record(client, ConsentChannel.EMAIL, true, ConsentMethod.IN_STORE, anna.id());
    }

    private long idOf(String email) {
        return jdbc.sql("select id from customer where lower(email) = :e").param("e", email).query(Long.class).single();
    }

    private String storeName() {
        return jdbc.sql("select name from store where id = :s").param("s", store).query(String.class).single();
    }

    /** The path of the first link in the text that contains {@code marker}. */
    static String link(String text, String marker) {
        Matcher m = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(marker) + "\\S+)").matcher(text);
        assertThat(m.find()).as("a link with " + marker + " in:\n" + text).isTrue();
        return m.group(1);
    }
}
