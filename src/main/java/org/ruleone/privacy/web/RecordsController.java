package org.ruleone.privacy.web;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ruleone.customers.ConsentChannel;
import org.ruleone.customers.ConsentWordings;
import org.ruleone.customers.Consents;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.paper.Stories;
import org.ruleone.paper.Story;
import org.ruleone.privacy.RetentionReading;
import org.ruleone.privacy.RetentionReading.Kind;
import org.ruleone.shared.Language;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The records of processing (GDPR Art. 30; issue 15, item 4), for the owner and managers: what Rule One keeps, why,
 * on which legal basis, for how long, who else receives it, and the consent wordings clients were shown over time.
 * Printable, and as a PDF.
 */
@Controller
class RecordsController {

    /** The wording a client is shown today, per channel, decision and language. */
    record CurrentWording(ConsentChannel channel, boolean granted, Language language, String wording) {
    }

    /** One processing: a kind of data and what the page says of it. */
    record Processing(Kind kind, String data, String purpose, String basis, String period) {
    }

    private final ObjectProvider<RetentionReading> retention;
    private final ConsentWordings wordings;
    private final Consents consents;
    private final MessageSource messages;
    private final Stories stories;
    private final String smtpHost;
    private final Organization organization;

    RecordsController(ObjectProvider<RetentionReading> retention, ConsentWordings wordings, Consents consents,
                      MessageSource messages,
                      Stories stories, @Value("${spring.mail.host:}") String smtpHost, Organization organization) {
        this.organization = organization;
        this.retention = retention;
        this.wordings = wordings;
        this.consents = consents;
        this.messages = messages;
        this.stories = stories;
        this.smtpHost = smtpHost;
    }

    @GetMapping("/privacy/records")
    String records(@AuthenticationPrincipal SignedInAssociate me, Model model, Locale locale) {
        allowed(me);
        model.addAttribute("processings", processings(locale));
        model.addAttribute("smtpHost", smtpHost);
        model.addAttribute("wordings", wordings.overTime());
        model.addAttribute("current", current());
        model.addAttribute("zone", me.storeId() == null ? ZoneOffset.UTC
                : organization.store(me.storeId()).map(StoreSummary::timeZone).orElse(ZoneOffset.UTC));
        return "privacy/records";
    }

    @GetMapping("/privacy/records.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SignedInAssociate me, Locale locale) {
        allowed(me);
        String title = msg("privacy.records.title", locale);
        List<Story> pages = new java.util.ArrayList<>(processings(locale).stream()
                .map(p -> new Story(msg("privacy.records.kind." + p.kind(), locale), "",
                        List.of(msg("privacy.records.data", locale) + ": " + p.data(),
                                msg("privacy.records.purpose", locale) + ": " + p.purpose(),
                                msg("privacy.records.basis", locale) + ": " + p.basis(),
                                msg("privacy.records.period", locale) + ": " + p.period()), "", ""))
                .toList());
        pages.add(new Story(msg("privacy.records.recipients", locale), "", List.of(
                msg("privacy.records.recipients.smtp", locale) + (smtpHost.isBlank() ? "" : " (" + smtpHost + ")"),
                msg("privacy.records.recipients.imap", locale),
                msg("privacy.records.recipients.database", locale)), "", ""));
        pages.add(new Story(msg("privacy.records.wordings", locale), "", wordings.overTime().isEmpty()
                ? List.of(msg("privacy.records.wordings.none", locale))
                : wordings.overTime().stream().map(w -> w.channel() + " · "
                        + msg(w.granted() ? "privacy.records.wordings.grant" : "privacy.records.wordings.withdraw",
                        locale) + " · " + w.firstRecorded().toString().substring(0, 10) + " – "
                        + w.lastRecorded().toString().substring(0, 10) + " (" + w.decisions() + "): " + w.wording())
                        .toList(), "", ""));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("records-of-processing.pdf").build().toString())
                .body(stories.render(title, pages));
    }

    private List<CurrentWording> current() {
        List<CurrentWording> today = new java.util.ArrayList<>();
        for (ConsentChannel channel : ConsentChannel.values()) {
            for (boolean granted : new boolean[] {true, false}) {
                for (Language language : Language.values()) {
                    today.add(new CurrentWording(channel, granted, language,
                            consents.wording(channel, granted, language)));
                }
            }
        }
        return today;
    }

    private List<Processing> processings(Locale locale) {
        List<RetentionReading> readings = retention.orderedStream().toList();
        return Arrays.stream(Kind.values()).map(kind -> new Processing(kind,
                msg("privacy.records.kind." + kind + ".data", locale),
                msg("privacy.records.kind." + kind + ".purpose", locale),
                msg("privacy.records.kind." + kind + ".basis", locale),
                readings.stream().flatMap(r -> r.period(kind, locale).stream()).findFirst().orElse("")))
                .toList();
    }

    private static void allowed(SignedInAssociate me) {
        if (!me.isManagerOrOwner()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
