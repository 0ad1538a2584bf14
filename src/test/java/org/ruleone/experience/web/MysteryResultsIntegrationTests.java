package org.ruleone.experience.web;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.ServiceFixtures;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The mystery-shopping results and comparison as real people see them, on rows written straight into the tables.
 * A store in Warsaw with a checklist of four items — greeted (yes/no, weight 2, critical), walked to the item
 * (yes/no, 3), calm (1–5, 4), phone by the second ring (number, at most 2, weight 1) — and five visits:
 * <pre>
 *   v1 10 Mar, Shoes   accepted  yes, no, 4 (earns 3), N/A       5 of 9   55.56 %
 *   v2 20 Mar, Bags    accepted  no (critical), yes, 5, 3 rings  7 of 10  70 %    flagged
 *   v3 1 Apr (31 Mar 22:30 UTC, already April in Warsaw), Shoes  accepted  yes, yes, 3 (earns 2), 2 rings  8 of 10
 *   v4 15 Mar, the back room   submitted (waiting: counts nowhere in the figures)
 *   v5 12 Mar, a hotel accepted  (version 2 of the checklist: greeted yes, walked no, a lobby item 3 of 5)
 * </pre>
 * and a store in Paris with its own secrets.
 */
@IntegrationTest
class MysteryResultsIntegrationTests {

    private static final String PERIOD = "from=2025-03-01&to=2025-04-30";
    private static final String HOTEL = "Grand <script>alert(1)</script> Hotel";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ServiceFixtures fixtures;
    @Autowired TestPeople people;

    MysteryRows rows;
    long store;
    long otherStore;
    SignedInAssociate owner;
    SignedInAssociate manager;
    SignedInAssociate associate;
    SignedInAssociate otherManager;
    String greeted;
    String walked;
    String calm;
    String rings;
    String lobby;
    long v1;
    long v2;
    long v5;

    @BeforeEach
    void aStoreWithVisitsAndAnotherStoreWithSecrets() {
        rows = new MysteryRows(jdbc);
        owner = people.owner();
        store = fixtures.store("Mystery Warsaw", "PL", ZoneId.of("Europe/Warsaw"));
        otherStore = fixtures.store("Mystery Lyon", "FR", ZoneId.of("Europe/Paris"));
        manager = fixtures.person(Role.MANAGER, store, Language.EN);
        associate = fixtures.associate(store);
        otherManager = fixtures.person(Role.MANAGER, otherStore, Language.EN);
        String run = UUID.randomUUID().toString().substring(0, 8);
        greeted = "greeted-" + run;
        walked = "walked-" + run;
        calm = "calm-" + run;
        rings = "rings-" + run;
        lobby = "lobby-" + run;

        long checklist = rows.checklist("Store visit " + run);
        long first = rows.version(checklist, 1);
        long welcome = rows.section(first, 1, "Welcome", "Accueil", "Powitanie");
        long greetedItem = rows.item(first, welcome, 1, greeted, "YES_NO", "2", true,
                "Greeted on entry", "Salué à l’entrée", "Powitany przy wejściu");
        long walkedItem = rows.item(first, welcome, 2, walked, "YES_NO", "3", false,
                "Walked to the item", "Accompagné jusqu’à l’article", "Odprowadzony do towaru");
        long calmItem = rows.item(first, welcome, 3, calm, "SCALE", "4", false,
                "Calm and unhurried", "Calme et sans hâte", "Spokojnie i bez pośpiechu");
        long ringsItem = rows.item(first, welcome, 4, rings, "NUMBER AT_MOST 2 rings", "1", false,
                "Phone answered by the second ring", "Décroché avant la deuxième sonnerie",
                "Telefon odebrany do drugiego dzwonka");
        // version 2 words "walked" anew and adds the lobby: the pages name items by their latest words
        long second = rows.version(checklist, 2);
        long welcome2 = rows.section(second, 1, "Welcome", "Accueil", "Powitanie");
        long greeted2 = rows.item(second, welcome2, 1, greeted, "YES_NO", "2", true,
                "Greeted on entry", "Salué à l’entrée", "Powitany przy wejściu");
        long walked2 = rows.item(second, welcome2, 2, walked, "YES_NO", "3", false,
                "Walked the customer to the item, never pointed", "Accompagné le client, sans montrer du doigt",
                "Klient odprowadzony, bez wskazywania palcem");
        long lobby2 = rows.item(second, welcome2, 3, lobby, "SCALE", "2", false,
                "A quiet lobby", "Un hall calme", "Cichy hol");

        long zofia = rows.shopper(store, "Zofia <i>Nowak</i>");
        v1 = rows.visit(store, "Shoes", "OWN_STORE", "", first, zofia, manager.id(), "ACCEPTED",
                "2025-03-10T10:00:00Z", "5", "9", "55.56", false, "");
        rows.answer(v1, greetedItem, "1", "");
        rows.answer(v1, walkedItem, "0", "=HYPERLINK(\"http://evil.example\",\"click\")");
        rows.answer(v1, calmItem, "4", "+1 for the calm");
        rows.answer(v1, ringsItem, null, "-no phone call made");
        v2 = rows.visit(store, "Bags <b>", "OWN_STORE", "", first, zofia, manager.id(), "ACCEPTED",
                "2025-03-20T10:00:00Z", "7", "10", "70.00", true, "");
        rows.answer(v2, greetedItem, "0", "@nobody at the door");
        rows.answer(v2, walkedItem, "1", "");
        rows.answer(v2, calmItem, "5", "");
        rows.answer(v2, ringsItem, "3", "");
        long v3 = rows.visit(store, "Shoes", "OWN_STORE", "", first, zofia, manager.id(), "ACCEPTED",
                "2025-03-31T22:30:00Z", "8", "10", "80.00", false, "");
        rows.answer(v3, greetedItem, "1", "");
        rows.answer(v3, walkedItem, "1", "");
        rows.answer(v3, calmItem, "3", "<img src=x onerror=alert(3)>");
        rows.answer(v3, ringsItem, "2", "");
        long v4 = rows.visit(store, "\tBack room", "OWN_STORE", "", first, zofia, manager.id(), "SUBMITTED",
                "2025-03-15T10:00:00Z", null, null, null, false, "");
        rows.answer(v4, greetedItem, "0", "Waiting to be read");
        rows.answer(v4, walkedItem, "0", "");
        rows.answer(v4, calmItem, "1", "");
        rows.answer(v4, ringsItem, "9", "");
        long carla = rows.shopper(store, "\rCarla");
        v5 = rows.visit(store, "", "HOTEL", HOTEL, second, carla, manager.id(), "ACCEPTED",
                "2025-03-12T10:00:00Z", "3", "7", "42.86", false, "A warm towel at check-in");
        rows.answer(v5, greeted2, "1", "The doorman opened the door");
        rows.answer(v5, walked2, "0", "Pointed at the lift");
        rows.answer(v5, lobby2, "3", "");

        long bruno = rows.shopper(otherStore, "Bruno Secret");
        long secret = rows.visit(otherStore, "Secret department", "OWN_STORE", "", first, bruno, otherManager.id(),
                "ACCEPTED", "2025-03-11T10:00:00Z", "0", "2", "0.00", true, "");
        rows.answer(secret, greetedItem, "0", "Secret of the Lyon store");
        long bank = rows.visit(otherStore, "", "BANK", "Secret Bank of Lyon", first, bruno, otherManager.id(),
                "ACCEPTED", "2025-03-12T10:00:00Z", "2", "2", "100.00", false, "Secret teller");
        rows.answer(bank, greetedItem, "1", "Secret greeting at the bank");
    }

    private String page(String path, SignedInAssociate who) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static List<String> itemsInOrder(String html, String tableId) {
        String table = html.substring(html.indexOf("id=\"" + tableId + "\""));
        table = table.substring(0, table.indexOf("</table>"));
        Matcher m = Pattern.compile("data-item=\"([a-z0-9-]+)\"").matcher(table);
        List<String> keys = new java.util.ArrayList<>();
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static String row(String html, String key) {
        String from = html.substring(html.indexOf("data-item=\"" + key + "\""));
        return from.substring(0, from.indexOf("</tr>")).replaceAll("\\s+", " ");
    }

    @Test
    void scoresEachStoreAndDepartmentPerMonthFromTheAcceptedVisitsOnly() throws Exception {
        String html = page("/experience/mystery?" + PERIOD, manager);

        String table = html.substring(html.indexOf("id=\"trend-table\""), html.indexOf("</table>",
                html.indexOf("id=\"trend-table\""))).replaceAll("\\s+", " ");
        // the columns: the store, then its departments in order of their names
        assertThat(table).containsSubsequence(fixtures.storeName(store), "Department: Bags &lt;b&gt;",
                "Department: Shoes");
        // March: (5 + 7) / (9 + 10) = 63.2 %; Bags 7 / 10; Shoes 5 / 9 = 55.6 % (the submitted visit counts nowhere)
        assertThat(table).contains("<td>Mar 2025</td> <td class=\"num\">63.2 % (n = 2)</td> "
                + "<td class=\"num\">70.0 % (n = 1)</td> <td class=\"num\">55.6 % (n = 1)</td>");
        // 31 March 22:30 UTC is 1 April in Warsaw
        assertThat(table).contains("<td>Apr 2025</td> <td class=\"num\">80.0 % (n = 1)</td> "
                + "<td class=\"num\">—</td> <td class=\"num\">80.0 % (n = 1)</td>");
        assertThat(html).contains("Visits waiting for your review: 1.");
    }

    @Test
    void ranksTheWeakestItemsByTheShareEarnedWithNaLeftOut() throws Exception {
        String html = page("/experience/mystery?" + PERIOD, manager);

        // rings 1 of 2 (one N/A left out) = 50 %; greeted 4 of 6 and walked 6 of 9 tie at 66.7 %, the critical
        // failure first; calm (3 + 4 + 2) of 12 = 75 %
        assertThat(itemsInOrder(html, "items-table")).containsExactly(rings, greeted, walked, calm);
        assertThat(row(html, rings)).contains(">Phone answered by the second ring<", ">50.0 %<", ">2<", ">1<");
        assertThat(row(html, greeted)).contains(">66.7 %<").containsSubsequence(">3<", ">0<", ">1<", ">1<");
        assertThat(row(html, walked)).contains(">Walked the customer to the item, never pointed<", ">66.7 %<")
                .containsSubsequence(">3<", ">0<", ">1<", ">0<");
        assertThat(row(html, calm)).contains(">75.0 %<").containsSubsequence(">3<", ">0<", ">0<", ">0<");
    }

    @Test
    void namesTheItemsInTheReadersLanguage() throws Exception {
        String html = page("/experience/mystery?" + PERIOD + "&lang=fr", manager);

        assertThat(row(html, walked)).contains(">Accompagné le client, sans montrer du doigt<", ">66,7 %<");
        assertThat(html).contains("Réponses et commentaires (4)");
    }

    @Test
    void listsTheFlaggedVisitsApartAndEveryVisitWithItsAnswers() throws Exception {
        String html = page("/experience/mystery?" + PERIOD, manager);

        String flagged = html.substring(html.indexOf("id=\"flagged\""), html.indexOf("</section>",
                html.indexOf("id=\"flagged\"")));
        assertThat(flagged).contains("href=\"/experience/mystery/visits/" + v2 + "\"", "Failed: Greeted on entry")
                .doesNotContain("/experience/mystery/visits/" + v1 + "\"");
        String visits = html.substring(html.indexOf("id=\"visits\""));
        assertThat(visits).contains("href=\"/experience/mystery/visits/" + v1 + "\"",
                "href=\"/experience/mystery/visits/" + v5 + "\"", "Store visit", "version 1", "55.6 %",
                "Waiting for review", "Waiting to be read", "&lt;img src=x onerror=alert(3)&gt;", "<details>",
                "Zofia &lt;i&gt;Nowak&lt;/i&gt;", "Grand &lt;script&gt;alert(1)&lt;/script&gt; Hotel (Hotel)");
    }

    @Test
    void escapesNamesAndCommentsOnThePageAndInTheChartData() throws Exception {
        String html = page("/experience/mystery?" + PERIOD, manager);

        assertThat(html).doesNotContain("<script>alert(1)", "<img src=x", "<b>", "<i>Nowak");
        Matcher chart = Pattern.compile("data-mystery-chart=\"([^\"]*)\"").matcher(html);
        assertThat(chart.find()).isTrue();
        assertThat(chart.group(1)).contains("&quot;Department: Bags &lt;b&gt;&quot;", "[63.2,80.0]")
                .doesNotContain("<", ">");
    }

    @Test
    void showsAManagerNothingOfAnotherStoreInPageCsvOrComparison() throws Exception {
        for (String path : new String[] {"/experience/mystery?", "/experience/mystery.csv?",
                "/experience/mystery/compare?"}) {
            String seen = mvc.perform(get(path + PERIOD).with(user(manager))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(seen).doesNotContain("Secret", "Bruno");
            mvc.perform(get(path + PERIOD + "&store=" + otherStore).with(user(manager)))
                    .andExpect(status().isNotFound());
            mvc.perform(get(path + PERIOD + "&store=" + Long.MAX_VALUE).with(user(owner)))
                    .andExpect(status().isNotFound());
        }
        assertThat(page("/experience/mystery?" + PERIOD + "&store=" + otherStore, owner))
                .contains("Secret of the Lyon store").doesNotContain("Zofia");
        assertThat(page("/experience/mystery/compare?" + PERIOD + "&store=" + otherStore, owner))
                .contains("Secret Bank of Lyon", "Secret teller").doesNotContain("A warm towel");
    }

    @Test
    void refusesAssociates() throws Exception {
        for (String path : new String[] {"/experience/mystery", "/experience/mystery.csv",
                "/experience/mystery/compare"}) {
            mvc.perform(get(path).with(user(associate))).andExpect(status().isForbidden());
        }
        assertThat(page("/experience?" + PERIOD, associate)).doesNotContain("href=\"/experience/mystery\"");
        assertThat(page("/experience?" + PERIOD, manager)).contains("href=\"/experience/mystery\"",
                ">Mystery shopping<");
    }

    @Test
    void exportsOneRowPerVisitAndItemWithFormulasDefused() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/experience/mystery.csv?" + PERIOD).with(user(manager)))
                .andExpect(status().isOk()).andReturn().getResponse();
        String csv = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;");
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(csv).startsWith("\uFEFFvisit_id,store,department,target_kind,business,visited_at,shopper,");
        // v1 … v5: 4 + 4 + 4 + 4 + 3 answers
        assertThat(csv.split("\r\n")).hasSize(1 + 19);
        String store = fixtures.storeName(this.store);
        assertThat(csv).contains(v1 + "," + store + ",Shoes,OWN_STORE,,2025-03-10T11:00+01:00,Zofia <i>Nowak</i>,"
                + "Store visit");
        assertThat(csv).contains(",1,ACCEPTED,Welcome," + walked + ",Walked to the item,0,false,0.00,3.00,"
                + "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",55.56,false\r\n");
        assertThat(csv).contains("," + rings + ",Phone answered by the second ring,,true,0.00,0.00,"
                + "\"'-no phone call made\",55.56,false");
        assertThat(csv).contains(",\"'+1 for the calm\",", ",\"'@nobody at the door\",70.00,true",
                ",\"'\tBack room\",OWN_STORE,", ",\"'\rCarla\",");
        assertThat(csv).contains(",HOTEL,Grand <script>alert(1)</script> Hotel,");
        assertThat(csv).contains(",SUBMITTED,Welcome," + greeted + ",Greeted on entry,0,false,0.00,2.00,"
                + "Waiting to be read,,false");
        assertThat(csv).doesNotContain(",=", ",+", ",-n", ",@");
    }

    @Test
    void comparesOurStoresWithEachBusinessItemByItem() throws Exception {
        String html = page("/experience/mystery/compare?" + PERIOD, manager);

        // the items both sides answered first, then those of one side only, each in the order of its latest version
        assertThat(itemsInOrder(html, "compare-table")).containsExactly(greeted, walked, calm, lobby, rings);
        assertThat(row(html, greeted)).contains(">Greeted on entry<", "66.7 % (n = 3)", ">Yes<",
                "The doorman opened the door");
        assertThat(row(html, walked)).contains("66.7 % (n = 3)", ">No<", "Pointed at the lift");
        assertThat(row(html, lobby)).contains(">A quiet lobby<", "<td>—</td>", ">3 / 5<");
        assertThat(row(html, rings)).contains("50.0 % (n = 2)");
        assertThat(html).contains("Grand &lt;script&gt;alert(1)&lt;/script&gt; Hotel", "A warm towel at check-in")
                .doesNotContain("<script>alert(1)");
    }

    @Test
    void tellsWhatToDoWhenThereIsNoVisitInEachLanguage() throws Exception {
        long empty = fixtures.store("Mystery empty", "PL", ZoneId.of("Europe/Warsaw"));
        SignedInAssociate newcomer = fixtures.person(Role.MANAGER, empty, Language.EN);

        assertThat(page("/experience/mystery?lang=en", newcomer)).contains("No mystery visit in this period yet",
                "href=\"/experience/mystery/visits/new\"").doesNotContain("id=\"trend-table\"");
        assertThat(page("/experience/mystery?lang=fr", newcomer)).contains("Aucune visite mystère dans cette période");
        assertThat(page("/experience/mystery?lang=pl", newcomer)).contains("Brak wizyt w tym okresie");
        assertThat(page("/experience/mystery/compare?lang=fr", newcomer))
                .contains("Aucune visite d’une autre entreprise pour l’instant");
        assertThat(page("/experience/mystery/compare?lang=pl", newcomer)).contains("Brak wizyt w innych firmach");
    }
}
