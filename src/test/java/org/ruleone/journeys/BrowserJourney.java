package org.ruleone.journeys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.ruleone.customers.ClientBookFixtures;
import org.ruleone.mailroom.MailroomTestSupport;
import org.ruleone.service.ServiceFixtures;
import org.ruleone.support.TestPeople;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person using Rule One in Debian's Chromium, driven by Playwright, against the whole application on a
 * random port. All journeys share one application context (ADR 0090): the fixtures and the outgoing mail (to the
 * tests' GreenMail) are set up here, so a journey adds no {@code @Import}, property or {@code @DirtiesContext}
 * of its own without need; each journey works in stores of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({TestPeople.class, ServiceFixtures.class, ClientBookFixtures.class})
@ActiveProfiles("test")
public abstract class BrowserJourney {

    @DynamicPropertySource
    static void outgoingMailToGreenMail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MailroomTestSupport.GREEN_MAIL.getSmtp().getPort());
    }

    public static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
    public static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    /** axe-core from its webjar (a test dependency); served to the page by Playwright from our own origin. */
    static final String AXE_PATH = "/__journeys/axe.min.js";
    static final String AXE_RESOURCE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    static final String AXE_CHECK = """
            async () => {
                const result = await axe.run(document, {
                    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
                return result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                        + v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.failureSummary.replace(/\\s+/g, ' '))
                            .join(' | '));
            }""";
    private static String axeSource;

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;

    /**
     * One Chromium (and one Playwright driver) for every journey of the test JVM: each journey gets fresh browser
     * contexts (no cookies or storage shared), but launching the driver and the browser again for every class cost
     * about half a second each. Closed when the JVM ends.
     */
    @BeforeAll
    static void launchBrowser() {
        Assumptions.assumeFalse(Boolean.getBoolean("skipJourneys"), "browser journeys skipped with -DskipJourneys");
        synchronized (BrowserJourney.class) {
            if (browser != null && browser.isConnected()) {
                return;
            }
            if (!Files.isExecutable(CHROMIUM)) {
                throw new IllegalStateException("Browser journeys need Chromium at " + CHROMIUM
                        + " (apt-get install chromium), or run with -DskipJourneys=true");
            }
            if (playwright == null) {
                // Assertions wait as long as actions do (20 s, newContext), not 5 s: on a loaded machine an htmx
                // answer can take longer than 5 s, and the assertion is the same.
                PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
                playwright = Playwright.create(new Playwright.CreateOptions()
                        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Runtime.getRuntime().addShutdownHook(new Thread(BrowserJourney::closeBrowser, "close-chromium"));
            }
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM).setArgs(FLAGS).setHeadless(true));
        }
    }

    /** Closes the contexts a journey left open, so the next journey starts from a browser without pages. */
    @AfterAll
    static void closeContextsLeftOpen() {
        synchronized (BrowserJourney.class) {
            if (browser != null && browser.isConnected()) {
                browser.contexts().forEach(BrowserContext::close);
            }
        }
    }

    private static synchronized void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    @BeforeEach
    void openPage() {
        context = newContext(1280, 900);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
    }

    BrowserContext newContext(int width, int height) {
        BrowserContext ctx = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height).setLocale("en-GB"));
        ctx.setDefaultTimeout(20_000);
        return ctx;
    }

    /**
     * Fails when axe-core finds a WCAG 2.0/2.1 A or AA violation on the page as it stands (call it on every main
     * page a journey visits, so an accessibility regression fails the suite).
     */
    @SuppressWarnings("unchecked")
    void assertAccessible(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe !== 'undefined'"))) {
            // The page's Content-Security-Policy allows scripts from 'self' only: Playwright answers axe-core under
            // our own origin, so journeys keep running with the real policy.
            page.route("**" + AXE_PATH, route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                    .setStatus(200).setContentType("text/javascript").setBody(axe())));
            page.addScriptTag(new Page.AddScriptTagOptions().setUrl(url(AXE_PATH)));
        }
        List<String> violations = (List<String>) page.evaluate(AXE_CHECK);
        assertThat(violations).as("axe-core WCAG 2 A/AA violations on %s", page.url()).isEmpty();
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            try (InputStream in = BrowserJourney.class.getClassLoader().getResourceAsStream(AXE_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("axe-core is missing from the test classpath: " + AXE_RESOURCE);
                }
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void signIn(Page page, String email, String password) {
        page.navigate(url("/login"));
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(password);
        page.locator("form.card button[type=submit]").click();
    }

    /** The first mail GreenMail received for this address, waiting up to 30 seconds for the outbox to send it. */
    static MimeMessage receivedBy(String address) throws Exception {
        for (int i = 0; i < 300; i++) {
            for (MimeMessage message : MailroomTestSupport.GREEN_MAIL.getReceivedMessages()) {
                Object[] to = message.getRecipients(Message.RecipientType.TO);
                if (to != null && Arrays.stream(to).anyMatch(a -> ((InternetAddress) a).getAddress().equals(address))) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No mail reached " + address);
    }

    void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/journeys/" + name + ".png")).setFullPage(true));
    }
}
