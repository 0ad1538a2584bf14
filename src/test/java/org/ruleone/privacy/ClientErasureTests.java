package org.ruleone.privacy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.clienteling.TaskStatus;
import org.ruleone.clienteling.Tasks;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.ConsentChannel;
import org.ruleone.customers.ConsentMethod;
import org.ruleone.customers.Consents;
import org.ruleone.customers.PostalAddress;
import org.ruleone.experience.internal.SurveyTokens;
import org.ruleone.experience.SurveyFixtures;
import org.ruleone.mail.MailAddress;
import org.ruleone.mailroom.internal.CustomerFinder;
import org.ruleone.mail.OutgoingMail;
import org.ruleone.mail.Outbox;
import org.ruleone.mail.ParseResult;
import org.ruleone.mail.Quarantine;
import org.ruleone.mail.QuarantineReason;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.AuditLog;
import org.ruleone.purchases.TillPurchase;
import org.ruleone.purchases.TillPurchases;
import org.ruleone.recognition.HeroicDraft;
import org.ruleone.recognition.Heroics;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseDraft;
import org.ruleone.service.Channel;
import org.ruleone.service.Resolution;
import org.ruleone.shared.Language;
import org.ruleone.shared.Money;
import org.ruleone.standards.StandardsTestSupport;
import org.ruleone.telephony.CallDraft;
import org.ruleone.telephony.CallOutcome;
import org.ruleone.telephony.CallSource;
import org.ruleone.telephony.PhoneCalls;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.MutableClock;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Erasing a client (issue 15, item 2; ADR 0117): the person goes, the facts and every figure stay. */
@IntegrationTest
@Import(StandardsTestSupport.class)
class ClientErasureTests {

    static final Instant NOW = Instant.parse("2026-11-16T09:00:00Z");

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired ClientBook book;
    @Autowired Consents consents;
    @Autowired CaseDesk desk;
    @Autowired TillPurchases tills;
    @Autowired Heroics heroics;
    @Autowired Outbox outbox;
    @Autowired Quarantine quarantine;
    @Autowired AuditLog audit;
    @Autowired Tasks tasks;
    @Autowired CustomerFinder mailroomClients;
    @Autowired PhoneCalls calls;
    @Autowired SurveyTokens tokens;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    long store;
    SignedInAssociate manager;
    SignedInAssociate associate;
    String tag;
    String first;
    String last;
    String email;
    String phoneDigits;
    String phone;

    @BeforeEach
    void people() {
        clock.set(NOW);
        store = people.store("Erasure " + UUID.randomUUID());
        manager = people.person(Role.MANAGER, store);
        associate = people.person(Role.ASSOCIATE, store);
        tag = letters(10);
        first = "Fn" + tag;
        last = "Ln" + tag;
        email = tag + ".client@example.org";
        phoneDigits = "6" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        phone = "+33 " + phoneDigits.charAt(0) + " " + phoneDigits.substring(1, 3) + " " + phoneDigits.substring(3, 5)
                + " " + phoneDigits.substring(5, 7) + " " + phoneDigits.substring(7);
    }

    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('q' + ThreadLocalRandom.current().nextInt(9)));
        }
        return s.toString();
    }

    /** A client with something in every module that holds personal data; returns the client's id. */
    private long clientWithEverything() throws Exception {
        String pos = "POS" + tag;
        long client = book.add(new ClientDraft(store, pos, first, last, email, phone,
                new PostalAddress("1 rue " + last, "", "75011", "Paris", "", "FR"), Language.EN, "M " + tag,
                List.of("likes " + tag), List.of(), "Notes about " + first, associate.id()));
        consents.record(client, ConsentChannel.EMAIL, true, ConsentMethod.IN_STORE, manager.id());
        tills.record(new TillPurchase(store, "INV-" + UUID.randomUUID(), NOW.minus(Duration.ofDays(3)), pos, "FR",
                List.of(new TillPurchase.Line("SKU-1", "Boots", 1, new BigDecimal("120.00")))));
        long caseId = desk.open(new CaseDraft(store, client, associate.id(), Channel.IN_STORE, "Boots for " + first,
                null, "Message text " + tag + " about my boots"), Optional.of(store));
        desk.customerWrote(caseId, "I am " + first + " " + last + ", call " + phone);
        desk.note(caseId, Optional.of(store), associate.id(), "Internal note " + tag);
        desk.attach(caseId, "receipt-" + tag + ".txt", "text/plain", ("Receipt " + tag).getBytes(StandardCharsets.UTF_8));
        desk.resolve(caseId, Optional.of(store), associate.id(),
                Resolution.refund(Money.of(new BigDecimal("45.50"), "EUR"), false), "Refund for " + first);
        var sent = new SurveyFixtures(jdbc, tokens).sent(store, client, associate.id(), "CASE_RESOLVED", null, "en", NOW);
        mvc.perform(post("/survey/" + sent.token()).with(csrf()).param("comeBack", "9").param("satisfaction", "5")
                .param("comment", "Survey comment " + tag).param("action", "send"));
        heroics.report(manager.id(), new HeroicDraft(List.of(associate.id()), LocalDate.of(2026, 11, 10), client, caseId,
                "Found boots for " + first + " in another store", null));
        outbox.enqueue(OutgoingMail.plain("erasure-test-" + UUID.randomUUID(), store,
                new MailAddress("shop@example.com", "Shop"), new MailAddress(email, first + " " + last),
                "Hello " + first, "Dear " + first + ", your boots."));
        quarantine.put(("From: " + email + "\r\nSubject: boots\r\n\r\nUnreadable " + tag).getBytes(StandardCharsets.UTF_8),
                new ParseResult.Quarantined(QuarantineReason.UNREADABLE, "no body"), store);
        long task = tasks.add(store, associate.id(), client, "Call " + first + " about the boots", LocalDate.of(2026, 11, 20),
                manager.id());
        tasks.close(task, Optional.of(store), TaskStatus.DONE, associate.id(), "Spoke to " + first + ", " + tag);
        calls.log(new CallDraft(store, client, phone, associate.id(), NOW.minus(Duration.ofHours(2)), 2, 8,
                CallOutcome.ANSWERED, 120, null, CallSource.MANUAL, associate.id()), Optional.of(store));
        audit.record("CLIENT_EXPORTED", manager.getUsername(), null, Map.of("client", client, "email", email));
        awaitListeners();
        return client;
    }

    private void awaitListeners() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select count(*) from event_publication
                 where completion_date is null and publication_date > now() - interval '5 minutes'
                """).query(Long.class).single() == 0);
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(user(manager))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private Map<String, String> figurePages() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        for (String url : List.of("/service/reports/ledger?store=" + store, "/service/reports/ledger.csv?store=" + store,
                "/service/reports?store=" + store, "/experience/proof?store=" + store, "/rankings?store=" + store)) {
            pages.put(url, page(url));
        }
        return pages;
    }

    /** A page as the figures go: without the tokens that change per request, the client's name as "NAME". */
    private static String figures(String page, List<String> names) {
        String s = page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "").replaceAll("content=\"[0-9a-zA-Z_-]{20,}\"", "");
        for (String name : names) {
            s = s.replace(name, "NAME");
        }
        return s;
    }

    private long erase(long client, String reason) throws Exception {
        String confirm = mvc.perform(post("/privacy/clients/" + client + "/erase").with(csrf()).with(user(manager))
                        .param("reason", reason))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(confirm).contains("id=\"erase-confirm\"").contains(reason);
        assertThat(jdbc.sql("select count(*) from privacy_erasure where customer_id = :c").param("c", client)
                .query(Long.class).single()).as("nothing erased before the confirmation").isZero();
        mvc.perform(post("/privacy/clients/" + client + "/erase").with(csrf()).with(user(manager))
                        .param("reason", reason).param("confirmed", "true"))
                .andExpect(redirectedUrl("/privacy/erasures"));
        return client;
    }

    @Test
    void leavesEveryFigurePageAsItWasAndNoTraceOfThePersonInTheDatabase() throws Exception {
        long client = clientWithEverything();
        assertThat(hits()).as("the test's data is found before").isNotEmpty();
        Map<String, String> before = figurePages();

        erase(client, "Asked in store on 16 November");
        awaitListeners();

        String pseudonym = jdbc.sql("select pseudonym from privacy_erasure where customer_id = :c").param("c", client)
                .query(String.class).single();
        Map<String, String> after = figurePages();
        before.forEach((url, page) -> assertThat(differences(figures(page, List.of(first + " " + last, first, last)),
                figures(after.get(url), List.of(pseudonym)))).as(url).isEmpty());
        assertThat(hits()).as("columns still holding the name, e-mail, phone or a message's text").isEmpty();
        assertThat(book.client(client, Optional.empty()).orElseThrow().displayName()).isEqualTo(pseudonym);
        assertThat(jdbc.sql("select count(*) from purchase where customer_id = :c").param("c", client)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select status from mail_outbox where to_address = 'erased@erased.invalid' and store_id = :s")
                .param("s", store).query(String.class).list()).containsExactly("FAILED");
        mvc.perform(get("/privacy/clients/" + client + "/erase").with(user(manager)))
                .andExpect(redirectedUrl("/privacy/erasures"));
        assertThat(page("/privacy/erasures")).contains(pseudonym).contains("Asked in store on 16 November")
                .doesNotContain(first);
    }

    @Test
    void refusesAnotherStoresManagerAndAnAssociate() throws Exception {
        long client = book.add(new ClientDraft(store, null, first, last, email, null, PostalAddress.NONE, Language.EN,
                "", List.of(), List.of(), "", null));
        SignedInAssociate otherManager = people.person(Role.MANAGER, people.store("Erasure other " + UUID.randomUUID()));

        mvc.perform(get("/privacy/clients/" + client + "/erase").with(user(otherManager))).andExpect(status().isNotFound());
        mvc.perform(post("/privacy/clients/" + client + "/erase").with(csrf()).with(user(otherManager))
                .param("reason", "Asked").param("confirmed", "true")).andExpect(status().isNotFound());
        mvc.perform(get("/privacy/clients/" + client + "/erase").with(user(associate))).andExpect(status().isForbidden());
        mvc.perform(post("/privacy/clients/" + client + "/erase").with(csrf()).with(user(associate))
                .param("reason", "Asked").param("confirmed", "true")).andExpect(status().isForbidden());
        assertThat(page("/clients/" + client)).contains("id=\"erase-client\"");
        assertThat(mvc.perform(get("/clients/" + client).with(user(associate))).andReturn().getResponse()
                .getContentAsString()).contains(first).doesNotContain("id=\"erase-client\"");

        assertThat(book.client(client, Optional.empty()).orElseThrow().email()).isEqualTo(email);
        assertThat(jdbc.sql("select count(*) from privacy_erasure where customer_id = :c").param("c", client)
                .query(Long.class).single()).isZero();
    }

    @Test
    void asksForAReasonBeforeTheConfirmation() throws Exception {
        long client = book.add(new ClientDraft(store, null, first, last, email, null, PostalAddress.NONE, Language.EN,
                "", List.of(), List.of(), "", null));

        String page = mvc.perform(post("/privacy/clients/" + client + "/erase").with(csrf()).with(user(manager))
                        .param("reason", " ").param("confirmed", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Give the reason for the erasure.").contains("id=\"erase-reason\"");
        assertThat(book.client(client, Optional.empty()).orElseThrow().firstName()).isEqualTo(first);
    }

    @Test
    void addsANewClientWhenTheSameAddressOrPosNumberComesBackAfterTheErasure() throws Exception {
        String pos = "POS" + tag;
        long client = book.add(new ClientDraft(store, pos, first, last, email, phone, PostalAddress.NONE, Language.EN,
                "", List.of(), List.of(), "", null));
        erase(client, "Asked by phone");

        var byMail = mailroomClients.findOrAdd(store, email, first + " " + last, null, Language.EN);
        var byPhone = book.findOrAdd(store, ClientBook.Contact.phone(phone), "", "", Language.EN);
        var bought = tills.record(new TillPurchase(store, "INV-" + UUID.randomUUID(), NOW, pos, "FR",
                List.of(new TillPurchase.Line("SKU-1", "Boots", 1, new BigDecimal("80.00"))))).orElseThrow();

        assertThat(byMail.created()).isTrue();
        assertThat(byMail.clientId()).isNotEqualTo(client);
        assertThat(byPhone.clientId()).isNotEqualTo(client);
        assertThat(bought.customerId()).isNotNull().isNotEqualTo(client);
        assertThat(book.search(email, Optional.of(store))).extracting(c -> c.id()).containsExactly(byMail.clientId());
    }

    @Test
    void replacesTheClientsNamesInASubjectOnlyAsWholeWords() throws Exception {
        long client = book.add(new ClientDraft(store, null, "Al", "Bo", null, null, PostalAddress.NONE, Language.EN,
                "", List.of(), List.of(), "", null));
        long caseId = desk.open(new CaseDraft(store, client, associate.id(), Channel.IN_STORE, "Alteration for Al Bo",
                null, "Hi"), Optional.of(store));

        erase(client, "Asked in store");

        String pseudonym = book.client(client, Optional.empty()).orElseThrow().firstName();
        assertThat(desk.find(caseId, Optional.empty()).orElseThrow().subject())
                .isEqualTo("Alteration for " + pseudonym + " " + pseudonym);
    }

    /** The lines that differ between two pages, each as "- before" and "+ after". */
    private static List<String> differences(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        List<String> diff = new ArrayList<>();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "";
            String y = i < b.size() ? b.get(i) : "";
            if (!x.equals(y)) {
                diff.add("- " + x);
                diff.add("+ " + y);
            }
        }
        return diff;
    }

    /** Every text, JSON, array and binary column of every table holding one of the client's identifiers. */
    private List<String> hits() {
        List<String> needles = List.of(tag.toLowerCase(Locale.ROOT), phoneDigits, phone);
        List<String> hits = new ArrayList<>();
        var columns = jdbc.sql("""
                        select c.table_name, c.column_name, c.data_type from information_schema.columns c
                          join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                         where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                           and c.data_type in ('text', 'character varying', 'jsonb', 'json', 'bytea', 'ARRAY', 'character')
                        """)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        for (String[] column : columns) {
            String value = column[2].equals("bytea") ? "encode(\"" + column[1] + "\", 'escape')" : "\"" + column[1] + "\"::text";
            for (String needle : needles) {
                long found = jdbc.sql("select count(*) from \"" + column[0] + "\" where position(:needle in lower(" + value + ")) > 0")
                        .param("needle", needle.toLowerCase(Locale.ROOT)).query(Long.class).single();
                if (found > 0) {
                    hits.add(column[0] + "." + column[1] + " holds " + needle);
                }
            }
        }
        return hits;
    }
}
