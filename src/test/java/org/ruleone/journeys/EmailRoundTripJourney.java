package org.ruleone.journeys;

import java.nio.charset.Charset;

import com.microsoft.playwright.Page;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ruleone.mail.Outbox;
import org.ruleone.mailroom.MailroomTestSupport;
import org.ruleone.mailroom.internal.Mailboxes;
import org.ruleone.mailroom.internal.MailroomPoller;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.service.AuthorKind;
import org.ruleone.service.CaseMessage;
import org.ruleone.service.CaseStatus;
import org.ruleone.service.Channel;
import org.ruleone.shared.Language;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The e-mail round trip: a customer writes to the store's mailbox, the mail opens a case, an associate answers from
 * the case page in Chromium, the customer receives the answer with headers that thread, answers it, and the answer
 * joins the same case. GreenMail is both the store's IMAP mailbox and the SMTP server the outbox sends through.
 */
class EmailRoundTripJourney extends ServiceJourney {

    @Autowired Mailboxes mailboxes;
    @Autowired MailroomPoller poller;
    @Autowired Outbox outbox;

    @Test
    void customerWritesAssociateAnswersCustomerReceivesItAndAnswersIntoTheSameCase() throws Exception {
        long store = fixtures.store("Kraków", "PL", java.time.ZoneId.of("Europe/Warsaw"));
        String storeAddress = MailroomTestSupport.newMailbox("krakow");
        mailboxes.save(store, storeAddress, "127.0.0.1", MailroomTestSupport.imapPort(), false, storeAddress,
                MailroomTestSupport.PASSWORD);
        SignedInAssociate associate = fixtures.named("Ola Sprzedawczyni", Role.ASSOCIATE, store, Language.EN);
        String customer = MailroomTestSupport.newMailbox("zofia");

        // The customer's mail program writes ISO-8859-2, as many Polish ones still do.
        String first = "<zofia-1-" + System.nanoTime() + "@poczta.example>";
        MailroomTestSupport.deliver(("""
                From: =?ISO-8859-2?Q?Zofia_=A3ukasiewicz?= <%s>
                To: %s
                Subject: =?ISO-8859-2?Q?Za_kr=F3tkie_r=EAkawy?=
                Message-ID: %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=ISO-8859-2
                Content-Transfer-Encoding: 8bit

                Dzień dobry, rękawy marynarki są za krótkie. Czy można je wydłużyć?
                """.formatted(customer, storeAddress, first)).getBytes(Charset.forName("ISO-8859-2")), storeAddress);
        poller.pollStore(store);

        signInAs(page, associate);
        openCasesFromMenu(page);
        page.locator("main a", new Page.LocatorOptions().setHasText("Za krótkie rękawy")).first().click();
        long caseId = caseIdFrom(page);
        assertThat(page.locator("main")).containsText("Zofia Łukasiewicz");
        assertThat(page.locator(".case-from-customer")).containsText("rękawy marynarki są za krótkie");

        page.locator("#conversation textarea[name=body]").first()
                .fill("Dzień dobry Pani Zofio, wydłużymy rękawy do piątku, bezpłatnie.");
        page.locator("#conversation button[type=submit]", new Page.LocatorOptions().setHasText("Send reply")).click();
        assertThat(page.locator(".case-from-associate")).containsText("wydłużymy rękawy do piątku");
        screenshot(page, "email-round-trip-reply");

        outbox.sendDue();
        MimeMessage answer = receivedBy(customer);
        assertThat(answer.getSubject()).isEqualTo("Re: Za krótkie rękawy [#" + caseId + "]");
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo(first);
        assertThat(((InternetAddress) answer.getReplyTo()[0]).getAddress()).isEqualTo(storeAddress);
        assertThat(((InternetAddress) answer.getFrom()[0]).getPersonal()).isEqualTo("Ola Sprzedawczyni");
        assertThat(String.valueOf(answer.getContent())).contains("wydłużymy rękawy do piątku");

        MailroomTestSupport.deliver("""
                From: Zofia Łukasiewicz <%s>
                To: %s
                Subject: Re: Za krótkie rękawy [#%d]
                Message-ID: <zofia-2-%d@poczta.example>
                In-Reply-To: %s
                References: %s %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                Dziękuję, przyjdę w piątek po południu.
                """.formatted(customer, storeAddress, caseId, System.nanoTime(), answer.getMessageID(), first,
                answer.getMessageID()), storeAddress);
        poller.pollStore(store);

        page.reload();
        assertThat(page.locator(".case-from-customer")).hasCount(2);
        assertThat(page.locator(".case-from-customer").nth(1)).containsText("przyjdę w piątek po południu");
        screenshot(page, "email-round-trip-same-case");

        var stored = stored(caseId);
        assertThat(stored.channel()).isEqualTo(Channel.EMAIL);
        assertThat(stored.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(stored.messages()).extracting(CaseMessage::author)
                .containsExactly(AuthorKind.CUSTOMER, AuthorKind.ASSOCIATE, AuthorKind.CUSTOMER);
        assertThat(desk.list(org.ruleone.service.CaseFilter.ofStore(store), java.util.Optional.of(store))).as("one case, not two").hasSize(1);
    }
}
