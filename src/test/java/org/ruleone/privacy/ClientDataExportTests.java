package org.ruleone.privacy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.ConsentChannel;
import org.ruleone.customers.ConsentMethod;
import org.ruleone.customers.Consents;
import org.ruleone.customers.PostalAddress;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.ServiceFixtures;
import org.ruleone.shared.Language;
import org.ruleone.standards.StandardsTestSupport;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A client's copy of their data (issue 15, items 1 and 2): everything each module holds about them, nobody else's,
 * associates by first name, downloaded by a manager of their store or by the customer through a mailed link.
 */
@IntegrationTest
@Import(StandardsTestSupport.class)
class ClientDataExportTests {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ServiceFixtures service;
    @Autowired ClientBook book;
    @Autowired Consents consents;
    @Autowired CaseDesk desk;

    long store;
    SignedInAssociate manager;
    SignedInAssociate jean;
    long claire;
    String claireEmail;
    long zofia;
    String zofiaEmail;
    String tag;

    @BeforeEach
    void aClientWithEverything() {
        clock.set(NOW);
        tag = UUID.randomUUID().toString().substring(0, 8);
        store = service.store("Boutique", "FR", java.time.ZoneId.of("Europe/Paris"));
        manager = service.named("Marta Kowalska", Role.MANAGER, store, Language.EN);
        jean = service.named("Jean Dupontel", Role.ASSOCIATE, store, Language.FR);
        claireEmail = "claire-" + tag + "@example.com";
        zofiaEmail = "zofia-" + tag + "@example.com";
        claire = book.add(new ClientDraft(store, null, "Claire", "Martin", claireEmail, "+33 6 12 34 56 78",
                new PostalAddress("3 rue des Lilas", "", "75011", "Paris", "", "FR"), Language.FR, "38",
                List.of("vip"), List.of(), "Prefers silk", jean.id()));
        zofia = book.add(new ClientDraft(store, null, "Zofia", "Nowakowska", zofiaEmail, "+48 601 222 333",
                PostalAddress.NONE, Language.PL, "", List.of(), List.of(), "Zofia's own note", null));

        consents.record(claire, ConsentChannel.EMAIL, true, ConsentMethod.IN_STORE, jean.id());
        long purchase = jdbc.sql("""
                insert into purchase (store_id, invoice_no, customer_id, purchased_at, total, items, line_count,
                                      is_return)
                values (:store, :invoice, :client, :at, 240, 1, 1, false) returning id
                """).param("store", store).param("invoice", "INV-" + tag).param("client", claire)
                .param("at", Timestamp.from(NOW.minus(Duration.ofDays(30)))).query(Long.class).single();
        jdbc.sql("""
                insert into purchase_line (purchase_id, line_in_invoice, sku, description, quantity, unit_price)
                values (:p, 1, 'DR-1', 'Silk dress', 1, 240)
                """).param("p", purchase).update();

        long theirCase = service.openCase(jean, store, claire, "Hem too long", "The hem of my dress is too long");
        desk.reply(theirCase, Optional.of(store), jean.id(),
                "Zofia Nowakowska had the same dress altered (zofia: " + zofiaEmail + ", +48 601 222 333).", false);
        long zofiasCase = service.openCase(jean, store, zofia, "Zofia's secret case", "Zofia's secret message");

        jdbc.sql("""
                insert into survey_answer (store_id, customer_id, associate_id, channel, come_back, satisfaction,
                                           comment, complete, started_at, answered_at)
                values (:store, :client, :jean, 'IN_STORE', 9, 5, 'Lovely fitting', true, :at, :at)
                """).param("store", store).param("client", claire).param("jean", jean.id())
                .param("at", Timestamp.from(NOW.minus(Duration.ofDays(20)))).update();
        jdbc.sql("""
                insert into clienteling_task (store_id, associate_id, customer_id, kind, occasion, title, due_on,
                                              status, created_at, closed_at, closed_by, closed_note)
                values (:store, :jean, :client, 'THANK_YOU', '', '', :due, 'DONE', :at, :at, :jean,
                        'Card sent with a ribbon'),
                       (:store, :jean, :client, 'MANUAL', null, 'Call when the alteration is ready', :due, 'OPEN',
                        :at, null, null, '')
                """).param("store", store).param("jean", jean.id()).param("client", claire)
                .param("due", java.sql.Date.valueOf(LocalDate.of(2026, 11, 5)))
                .param("at", Timestamp.from(NOW.minus(Duration.ofDays(25)))).update();
        long campaign = jdbc.sql("""
                insert into campaign (kind, store_id, title_en, title_fr, title_pl, audience, status, created_by,
                                      created_at, sent_by, sent_at)
                values ('EVENT', :store, 'Spring preview', 'Avant-première du printemps', 'Pokaz wiosenny', '{}',
                        'SENT', :m, :at, :m, :at) returning id
                """).param("store", store).param("m", manager.id())
                .param("at", Timestamp.from(NOW.minus(Duration.ofDays(10)))).query(Long.class).single();
        for (long client : List.of(claire, zofia)) {
            jdbc.sql("""
                    insert into campaign_recipient (campaign_id, customer_id, associate_id, email, language, dedupe_key,
                                                    status, queued_at, sent_at)
                    values (:c, :client, :jean, :email, 'fr', :key, 'SENT', :at, :at)
                    """).param("c", campaign).param("client", client).param("jean", jean.id())
                    .param("email", client == claire ? claireEmail : zofiaEmail).param("key", "t:" + tag + client)
                    .param("at", Timestamp.from(NOW.minus(Duration.ofDays(10)))).update();
        }
        jdbc.sql("""
                insert into phone_call (store_id, customer_id, caller_number, associate_id, ringing_at, outcome,
                                        duration_seconds, source, created_at)
                values (:store, :client, '+33612345678', :jean, :at, 'ANSWERED', 95, 'MANUAL', :at)
                """).param("store", store).param("client", claire).param("jean", jean.id())
                .param("at", Timestamp.from(NOW.minus(Duration.ofDays(3)))).update();
        long product = jdbc.sql("""
                insert into product (sku, name, price, currency) values (:sku, 'Silk scarf', 90, 'EUR') returning id
                """).param("sku", "SC-" + tag).query(Long.class).single();
        long other = service.store("Lyon", "FR", java.time.ZoneId.of("Europe/Paris"));
        jdbc.sql("""
                insert into transfer_request (product_id, from_store_id, to_store_id, customer_id, quantity, note,
                                              status, requested_by, requested_at, updated_at)
                values (:p, :other, :store, :client, 1, 'For Claire, gift wrap', 'REQUESTED', :jean, :at, :at)
                """).param("p", product).param("other", other).param("store", store).param("client", claire)
                .param("jean", jean.id()).param("at", Timestamp.from(NOW.minus(Duration.ofDays(2)))).update();
        jdbc.sql("""
                insert into survey_invitation (store_id, customer_id, associate_id, trigger, language, status,
                                               due_at, sent_at, created_at)
                values (:store, :client, :jean, 'PURCHASE', 'fr', 'COMPLETED', :at, :at, :at)
                """).param("store", store).param("client", claire).param("jean", jean.id())
                .param("at", Timestamp.from(NOW.minus(Duration.ofDays(21)))).update();
        long checklist = jdbc.sql("""
                insert into mystery_checklist (name, created_by, created_at) values (:name, :by, now()) returning id
                """).param("name", "Checklist " + tag).param("by", manager.id()).query(Long.class).single();
        long version = jdbc.sql("""
                insert into mystery_checklist_version (checklist_id, version, created_by, created_at)
                values (:c, 1, :by, now()) returning id
                """).param("c", checklist).param("by", manager.id()).query(Long.class).single();
        long shopper = jdbc.sql("""
                insert into mystery_shopper (store_id, name, email, language, kind, customer_id, reward_kind,
                                             reward_gift, created_by, created_at)
                values (:store, 'Claire Martin', :email, 'fr', 'BEST_CLIENT', :client, 'GIFT', 'A silk scarf', :by,
                        now()) returning id
                """).param("store", store).param("email", claireEmail).param("client", claire)
                .param("by", manager.id()).query(Long.class).single();
        jdbc.sql("""
                insert into mystery_visit (store_id, target_kind, window_from, window_to, scenario,
                                           checklist_version_id, shopper_id, status, expires_at, scheduled_by,
                                           scheduled_at, stood_out, reward_kind, reward_gift, updated_at)
                values (:store, 'OWN_STORE', :from, :to, 'Ask for a size', :version, :shopper, 'ACCEPTED', :at, :by,
                        :at, 'The fitting room was spotless', 'GIFT', 'A silk scarf', :at)
                """).param("store", store).param("from", java.sql.Date.valueOf(LocalDate.of(2026, 11, 9)))
                .param("to", java.sql.Date.valueOf(LocalDate.of(2026, 11, 14))).param("version", version)
                .param("shopper", shopper).param("by", manager.id())
                .param("at", Timestamp.from(NOW.minus(Duration.ofDays(15)))).update();
        long heroic = jdbc.sql("""
                insert into heroic (reported_by, happened_on, customer_id, case_id, what, reported_at)
                values (:m, :day, :client, :zcase, :what, :at) returning id
                """).param("m", manager.id()).param("day", java.sql.Date.valueOf(LocalDate.of(2026, 11, 20)))
                .param("client", claire).param("zcase", zofiasCase)
                .param("what", "Jean stayed late to finish Claire Martin's hem, then Zofia Nowakowska's coat.")
                .param("at", Timestamp.from(NOW.minus(Duration.ofDays(5)))).query(Long.class).single();
        jdbc.sql("insert into heroic_hero (heroic_id, associate_id, store_id) values (:h, :jean, :store)")
                .param("h", heroic).param("jean", jean.id()).param("store", store).update();
    }

    @Test
    void givesAManagerEveryKindOfDataAboutTheClientAndNothingOfAnotherClient() throws Exception {
        byte[] zip = mvc.perform(get("/clients/{id}/export", claire).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/zip"))
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, byte[]> files = unzip(zip);
        assertThat(files).containsOnlyKeys("data.json", "data.html", "data.pdf");
        assertThat(new String(files.get("data.pdf"), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String json = new String(files.get("data.json"), StandardCharsets.UTF_8);
        String html = new String(files.get("data.html"), StandardCharsets.UTF_8);
        JsonNode data = JsonMapper.builder().build().readTree(json);
        JsonNode sections = data.get("sections");

        assertThat(data.get("format").asString()).isEqualTo("rule-one-client-data/1");
        assertThat(sections.get("details").get(0).get("email").asString()).isEqualTo(claireEmail);
        assertThat(sections.get("details").get(0).get("notes").asString()).isEqualTo("Prefers silk");
        assertThat(sections.get("details").get(0).get("associate").asString()).isEqualTo("Jean");
        JsonNode consent = sections.get("consents").get(0);
        assertThat(consent.get("channel").asString()).isEqualTo("EMAIL");
        assertThat(consent.get("recordedBy").asString()).isEqualTo("Jean");
        assertThat(consent.get("wording").asString()).isNotBlank();
        assertThat(Instant.parse(consent.get("recordedAt").asString())).isEqualTo(NOW);
        assertThat(sections.get("purchases").get(0).get("invoice").asString()).isEqualTo("INV-" + tag);
        assertThat(sections.get("purchases").get(0).get("lines").get(0).get("description").asString())
                .isEqualTo("Silk dress");
        assertThat(sections.get("cases")).hasSize(1);
        assertThat(sections.get("cases").get(0).get("messages").toString()).contains("The hem of my dress is too long");
        assertThat(sections.get("surveys").get(0).get("comment").asString()).isEqualTo("Lovely fitting");
        assertThat(sections.get("tasks").toString()).contains("THANK_YOU", "Card sent with a ribbon",
                "Call when the alteration is ready");
        assertThat(sections.get("campaigns")).hasSize(1);
        assertThat(sections.get("campaigns").get(0).get("title").asString()).isEqualTo("Avant-première du printemps");
        assertThat(sections.get("heroics").get(0).get("heroes").get(0).asString()).isEqualTo("Jean");
        assertThat(sections.get("heroics").get(0).get("what").asString()).contains("Claire Martin");
        assertThat(sections.get("calls").get(0).get("seconds").asInt()).isEqualTo(95);
        assertThat(sections.get("invitations").get(0).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(sections.get("mystery").get(0).get("note").asString()).isEqualTo("The fitting room was spotless");
        assertThat(sections.get("transfers").get(0).get("description").asString()).isEqualTo("Silk scarf");

        for (String text : List.of(json, html)) {
            assertThat(text).doesNotContainIgnoringCase("Nowakowska").doesNotContainIgnoringCase(zofiaEmail)
                    .doesNotContain("601 222 333").doesNotContain("secret").doesNotContain("Zofia's own note")
                    .doesNotContain("Dupontel").doesNotContain("Kowalska");
        }
        assertThat(html).contains("Vos consentements et leur preuve", "Lovely fitting", "Silk dress", "Silk scarf",
                "Card sent with a ribbon", "Avant-première du printemps");
        assertThat(jdbc.sql("""
                select count(*) from audit_event where kind = 'privacy.export' and principal = :who
                   and details ->> 'client' = :client and details ->> 'how' = 'staff-download'
                """).param("who", manager.email()).param("client", String.valueOf(claire))
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void hidesTheClientFromAnotherStoresManagerAndFromAnAssociate() throws Exception {
        long other = service.store("Elsewhere", "PL", StandardsTestSupport.WARSAW);
        SignedInAssociate otherManager = service.person(Role.MANAGER, other, Language.EN);
        mvc.perform(get("/clients/{id}/export", claire).with(user(otherManager))).andExpect(status().isNotFound());
        mvc.perform(get("/clients/{id}/export", claire).with(user(jean))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("""
                select count(*) from audit_event where kind = 'privacy.export' and details ->> 'client' = :c
                """).param("c", String.valueOf(claire)).query(Integer.class).single()).isZero();
    }

    @Test
    void offersTheCopyOnTheClientPageToAManagerOnly() throws Exception {
        String download = "href=\"/clients/" + claire + "/export\"";
        assertThat(mvc.perform(get("/clients/{id}", claire).with(user(manager))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains(download);
        assertThat(mvc.perform(get("/clients/{id}", claire).with(user(jean))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).doesNotContain(download);
    }

    @Test
    void answersAKnownAndAnUnknownAddressAlikeAndMailsTheKnownOneOnce() throws Exception {
        String unknown = page(request("nobody-" + tag + "@example.com", "10.1.0.1"));
        String known = page(request(claireEmail.toUpperCase(), "10.1.0.2"));
        assertThat(known).isEqualTo(unknown).contains("Check your mail");
        page(request(claireEmail, "10.1.0.3"));

        List<String> mails = jdbc.sql("""
                select text_body from mail_outbox where to_address = :to and dedupe_key like 'privacy-export:%'
                """).param("to", claireEmail).query(String.class).list();
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst()).contains("Bonjour Claire", "Boutique");
        assertThat(jdbc.sql("select count(*) from mail_outbox where to_address like :to")
                .param("to", "nobody-" + tag + "%").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where kind = 'privacy.request' and details::text like :c")
                .param("c", "%" + claire + "%").query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void downloadsThroughTheMailedLinkAndRefusesAForgedOrExpiredOne() throws Exception {
        mvc.perform(request(claireEmail, "10.2.0.1")).andExpect(status().isOk());
        String link = link(claireEmail);

        mvc.perform(get(link)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Download my data")));
        byte[] zip = mvc.perform(post(link).with(csrf())).andExpect(status().isOk())
                .andExpect(content().contentType("application/zip"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(unzip(zip).get("data.json"), StandardCharsets.UTF_8)).contains(claireEmail);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where kind = 'privacy.export' and details ->> 'client' = :client
                   and details ->> 'how' = 'customer-request'
                """).param("client", String.valueOf(claire)).query(Integer.class).single()).isEqualTo(1);

        String forged = link.substring(0, link.length() - 2) + (link.endsWith("AA") ? "BB" : "AA");
        mvc.perform(get(forged)).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("This link does not work")));
        mvc.perform(post(forged).with(csrf())).andExpect(status().isNotFound());

        clock.advance(Duration.ofDays(8));
        mvc.perform(get(link)).andExpect(status().isNotFound());
        mvc.perform(post(link).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void aLinkServesAFewDownloadsOnly() throws Exception {
        mvc.perform(request(claireEmail, "10.3.0.1")).andExpect(status().isOk());
        String link = link(claireEmail);
        for (int i = 0; i < 3; i++) {
            mvc.perform(post(link).with(csrf())).andExpect(status().isOk());
        }
        mvc.perform(post(link).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void limitsRequestsForOneAddress() throws Exception {
        String address = "someone-" + tag + "@example.com";
        for (int i = 0; i < 3; i++) {
            mvc.perform(request(address, "10.4.0." + i)).andExpect(status().isOk());
        }
        mvc.perform(request(address, "10.4.0.9")).andExpect(status().isTooManyRequests());
    }

    private MockHttpServletRequestBuilder request(String email, String remoteAddr) {
        return post("/public/my-data").param("email", email).header("Accept-Language", "en").with(csrf())
                .with(r -> {
                    r.setRemoteAddr(remoteAddr);
                    return r;
                });
    }

    /** The page's words, without what differs per request (the form's CSRF token). */
    private String page(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andExpect(status().isOk()).andReturn();
        return result.getResponse().getContentAsString().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
                .replaceAll("name=\"csrf-token\" content=\"[^\"]*\"", "");
    }

    private String link(String to) {
        String text = jdbc.sql("""
                select text_body from mail_outbox where to_address = :to and dedupe_key like 'privacy-export:%'
                 order by id desc limit 1
                """).param("to", to).query(String.class).single();
        Matcher m = Pattern.compile("https?://[^/\\s]+(/public/my-data/\\S+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
