package org.ruleone.journeys;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.ruleone.clienteling.Task;
import org.ruleone.clienteling.TaskStatus;
import org.ruleone.clienteling.Tasks;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.PostalAddress;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreDraft;
import org.ruleone.paper.LabelSheet;
import org.ruleone.paper.PdfText;
import org.ruleone.purchases.TillPurchase;
import org.ruleone.purchases.TillPurchases;
import org.ruleone.shared.Language;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A new client's first purchase at the till becomes a thank-you task; the associate who keeps the client prints the
 * card and a label sheet, writes by hand, marks the batch sent, and the task is done. The task list in French and
 * Polish, on a phone.
 */
class ThankYouNoteJourney extends BrowserJourney {

    @Autowired Organization organization;
    @Autowired TestPeople people;
    @Autowired ClientBook book;
    @Autowired TillPurchases till;
    @Autowired Tasks tasks;

    /** A US store of the journey's own, named like the first store of an installation ("Flagship"). */
    private long usStore() {
        return organization.createStore(new StoreDraft("Flagship " + UUID.randomUUID().toString().substring(0, 8),
                "1 Main St", "US", ZoneId.of("America/Los_Angeles"), Language.EN, List.of()));
    }

    @Test
    void aFirstPurchaseBecomesAHandwrittenNoteThatIsPrintedSentAndDone() throws IOException {
        people.owner();
        long store = usStore();
        SignedInAssociate associate = people.person(Role.ASSOCIATE, store);
        Task task = firstPurchase(store, associate, "Hélène", "Château",
                new PostalAddress("12 rue de l’Église", "", "45000", "Orléans", "", "France"), Language.FR);

        signIn(page, associate.getUsername(), TestPeople.PASSWORD);
        page.navigate(url("/tasks"));
        Locator line = page.locator("#task-" + task.id());
        assertThat(page.locator("#due-today")).containsText("Hélène Château");
        assertThat(line).containsText("Thank-you note");
        screenshot(page, "thank-you-01-tasks");

        line.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Print the card")).click();
        assertThat(page.locator("h1")).hasText("Thank-you notes to print");
        assertThat(page.locator(".paper-note")).containsText("Hélène Château");
        // The store is in the US: A2 cards and Avery 5160 labels are offered first.
        assertThat(page.locator("select[name=format]")).hasValue("A2");
        assertThat(page.locator("select[name=sheet]")).hasValue("AVERY_5160");
        screenshot(page, "thank-you-02-batch");

        PdfText card = download("Note cards (PDF)");
        assertThat(card.all).contains("Hélène Château", "Merci de votre visite", associate.name());
        assertThat(card.pageSizes.get(0)[0]).isEqualTo(306f);

        PdfText labels = download("Label sheet (PDF)");
        for (String text : List.of("Hélène Château", "12 rue de l’Église", "45000 ORLÉANS", "FRANCE")) {
            assertThat(labels.only(text).inside(LabelSheet.AVERY_5160.label(0))).as(text).isTrue();
        }

        page.selectOption("select[name=envelope]", "DL");
        PdfText envelope = download("Envelopes (PDF)");
        assertThat(envelope.all).contains("Flagship", "Hélène Château", "45000 ORLÉANS");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark printed and sent")).click();
        assertThat(page.locator(".notice")).hasText("One thank-you note marked sent.");
        assertThat(page.locator(".paper-note")).hasCount(0);

        Task done = tasks.find(task.id(), Optional.empty()).orElseThrow();
        assertThat(done.status()).isEqualTo(TaskStatus.DONE);
        assertThat(done.closedBy()).isEqualTo(associate.id());

        page.navigate(url("/tasks"));
        assertThat(page.locator("#task-" + task.id())).containsText("Done by " + associate.name());
        assertThat(page.locator("#task-" + task.id())).containsText("card printed and sent");
        screenshot(page, "thank-you-03-done");
    }

    @Test
    void theTaskListInFrenchAndPolishOnAPhoneWithDoneAndSkipInPlace() {
        people.owner();
        long store = usStore();
        SignedInAssociate associate = people.person(Role.ASSOCIATE, store);
        Task first = firstPurchase(store, associate, "Zofia", "Wójcik",
                new PostalAddress("ul. Piotrkowska 1", "", "90-001", "Łódź", "", "Poland"), Language.PL);
        Task second = firstPurchase(store, associate, "Jean", "Dupont",
                new PostalAddress("1 rue de Rivoli", "", "75001", "Paris", "", "France"), Language.FR);

        BrowserContext phone = newContext(390, 844);
        Page mobile = phone.newPage();
        try {
            signIn(mobile, associate.getUsername(), TestPeople.PASSWORD);
            mobile.navigate(url("/tasks"));
            mobile.locator(".language-picker button[value=fr]").click();
            assertThat(mobile.locator("h1")).hasText("Tâches");
            assertThat(mobile.locator("#today-title")).hasText("Pour aujourd’hui (2)");
            assertThat(mobile.locator("#task-" + first.id())).containsText("Mot de remerciement");
            assertThat(mobile.locator("#task-" + first.id())).containsText("écrire un mot de remerciement à la main");
            noSidewaysScroll(mobile);
            screenshot(mobile, "thank-you-04-tasks-fr-phone");

            mobile.locator("#task-" + first.id()).getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Fait")).click();
            assertThat(mobile.locator("#task-" + first.id())).containsText("Faite par " + associate.name());
            assertThat(mobile.locator("#task-" + first.id())).containsText("Annuler");

            mobile.locator(".language-picker button[value=pl]").click();
            assertThat(mobile.locator("h1")).hasText("Zadania");
            assertThat(mobile.locator("#today-title")).hasText("Na dziś (1)");
            assertThat(mobile.locator("#task-" + second.id())).containsText("Podziękowanie");
            mobile.locator("#task-" + second.id()).getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Pomiń")).click();
            assertThat(mobile.locator("#task-" + second.id())).containsText("Pominął(-ęła) " + associate.name());
            noSidewaysScroll(mobile);
            screenshot(mobile, "thank-you-05-tasks-pl-phone");

            assertThat(tasks.find(first.id(), Optional.empty()).orElseThrow().status()).isEqualTo(TaskStatus.DONE);
            assertThat(tasks.find(second.id(), Optional.empty()).orElseThrow().status())
                    .isEqualTo(TaskStatus.SKIPPED);

            mobile.navigate(url("/paper"));
            assertThat(mobile.locator("h1")).hasText("Podziękowania do wydruku");
            mobile.locator(".language-picker button[value=en]").click();
            assertThat(mobile.locator("h1")).hasText("Thank-you notes to print");
        } finally {
            phone.close();
        }
    }

    private Task firstPurchase(long store, SignedInAssociate keeper, String first, String last, PostalAddress address,
                               Language language) {
        String number = "J-" + System.nanoTime();
        long client = book.add(new ClientDraft(store, number, first, last, null, null, address, language, "",
                List.of(), List.of(), "", keeper.id()));
        // a few minutes ago, but on the store's today: run just after midnight in Los Angeles, three minutes earlier
        // is yesterday there, and the note would be overdue rather than due today
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(ZoneId.of("America/Los_Angeles"));
        Instant at = now.minusMinutes(3).toLocalDate().equals(now.toLocalDate())
                ? now.minusMinutes(3).toInstant() : now.toInstant();
        till.record(new TillPurchase(store, "T-" + System.nanoTime(), at,
                number, address.country(), List.of(new TillPurchase.Line("SHOE-1", "Derbies", 1,
                new BigDecimal("180.00")))));
        await().atMost(Duration.ofSeconds(20)).until(() -> !tasks.ofClient(store, client).isEmpty());
        return tasks.ofClient(store, client).get(0);
    }

    private PdfText download(String button) throws IOException {
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName(button)).click());
        byte[] bytes = Files.readAllBytes(download.path());
        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        assertThat(download.suggestedFilename()).endsWith(".pdf");
        return new PdfText(bytes);
    }

    private static void noSidewaysScroll(Page page) {
        Object wider = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
        assertThat(wider).isEqualTo(false);
    }
}
