package org.ruleone.mailroom.web;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.ruleone.mail.Outbox;
import org.ruleone.mail.OutboxHealth;
import org.ruleone.mail.Quarantine;
import org.ruleone.mail.QuarantinedMail;
import org.ruleone.mailroom.Mailbox;
import org.ruleone.mailroom.internal.Duplicates;
import org.ruleone.mailroom.internal.ImapClient;
import org.ruleone.mailroom.internal.InboundRouter;
import org.ruleone.mailroom.internal.MailServerAddresses;
import org.ruleone.mailroom.internal.Mailboxes;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's mail screen: each store's address and IMAP mailbox, a connection test, the quarantine, and the mail
 * skipped because it had already been filed.
 */
@Controller
@PreAuthorize("hasRole('OWNER')")
class MailroomController {

    private static final Logger log = LoggerFactory.getLogger(MailroomController.class);
    /** A quarantined mail is shown up to this many bytes. */
    static final int SHOWN_BYTES = 256 * 1024;

    private final Organization organization;
    private final Mailboxes mailboxes;
    private final ImapClient imap;
    private final MailServerAddresses serverAddresses = new MailServerAddresses();
    private final Quarantine quarantine;
    private final InboundRouter router;
    private final Duplicates duplicates;
    private final Outbox outbox;
    private final MessageSource messages;

    MailroomController(Organization organization, Mailboxes mailboxes, ImapClient imap, Quarantine quarantine,
                       InboundRouter router, Duplicates duplicates, Outbox outbox, MessageSource messages) {
        this.outbox = outbox;
        this.messages = messages;
        this.organization = organization;
        this.mailboxes = mailboxes;
        this.imap = imap;
        this.quarantine = quarantine;
        this.router = router;
        this.duplicates = duplicates;
    }

    /** One store's card on the screen. */
    public record MailboxCardView(StoreSummary store, Optional<Mailbox> mailbox, MailboxForm form, Map<String, String> errors) {
    }

    @GetMapping("/mailroom")
    String screen(Model model) {
        return page(model, null, null, Map.of());
    }

    @PostMapping("/mailroom/stores/{storeId}")
    String save(@PathVariable long storeId, @ModelAttribute MailboxForm form, Model model, RedirectAttributes flash) {
        StoreSummary store = store(storeId);
        Optional<Mailbox> before = mailboxes.of(storeId);
        Map<String, String> errors = validate(form, before);
        if (!errors.isEmpty()) {
            return page(model, storeId, form, errors);
        }
        mailboxes.save(storeId, form.address(), form.imapHost(),
                form.imapHost().isBlank() ? null : Integer.valueOf(form.imapPort()), form.imapTls(),
                form.imapUser(), form.imapPassword());
        log.info("Mailbox settings of store {} saved: {}", storeId, form);
        flash.addFlashAttribute("saved", store.name());
        return "redirect:/mailroom#store-" + storeId;
    }

    @PostMapping("/mailroom/stores/{storeId}/test")
    String test(@PathVariable long storeId, @ModelAttribute MailboxForm form, Model model) {
        store(storeId);
        Optional<Mailbox> before = mailboxes.of(storeId);
        Map<String, String> errors = validate(form, before);
        if (form.imapHost().isBlank()) {
            errors.put("imapHost", "mailroom.error.host");
        }
        if (!errors.isEmpty()) {
            return page(model, storeId, form, errors);
        }
        String password = form.imapPassword().isEmpty()
                ? mailboxes.account(storeId).map(Mailboxes.ImapAccount::password).orElse("")
                : form.imapPassword();
        Mailboxes.ImapAccount account = new Mailboxes.ImapAccount(storeId, form.imapHost(),
                Integer.parseInt(form.imapPort()), form.imapTls(), form.imapUser(), password);
        try {
            ImapClient.Check check = imap.check(account);
            model.addAttribute("testedStore", storeId);
            model.addAttribute("testOk", check.messages());
        } catch (Exception | StackOverflowError failed) {
            log.info("Test connection of store {} to {} failed", storeId, form, failed);
            model.addAttribute("testedStore", storeId);
            model.addAttribute("testFailed", MailServerAddresses.reason(failed));
        }
        return page(model, storeId, form, Map.of());
    }

    @GetMapping("/mailroom/quarantine/{id}")
    String quarantined(@PathVariable long id, Model model) {
        QuarantinedMail entry = quarantine.entry(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        byte[] raw = quarantine.raw(id).orElse(new byte[0]);
        boolean cut = raw.length > SHOWN_BYTES;
        // Shown as text (escaped by the template), never rendered as HTML.
        String source = asText(java.util.Arrays.copyOf(raw, Math.min(raw.length, SHOWN_BYTES)), cut)
                .replaceAll("[\\p{Cntrl}&&[^\\r\\n\\t]]", "\uFFFD");
        model.addAttribute("entry", entry);
        model.addAttribute("source", source);
        model.addAttribute("cut", cut);
        model.addAttribute("stores", organization.stores());
        model.addAttribute("zone", zone(entry.storeId()));
        model.addAttribute("storeName", entry.storeId() == null ? null
                : organization.store(entry.storeId()).map(StoreSummary::name).orElse(null));
        return "mailroom/quarantined";
    }

    @PostMapping("/mailroom/quarantine/{id}/retry")
    String retry(@PathVariable long id, @RequestParam long storeId, RedirectAttributes flash) {
        quarantine.entry(id).filter(e -> e.processedAt() == null)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        store(storeId);
        Optional<InboundRouter.Routed> routed;
        try {
            routed = router.retry(id, storeId);
        } catch (RuntimeException failed) {
            log.warn("Retry of quarantined mail {} failed: {}", id, failed.toString());
            flash.addFlashAttribute("retryFailed", describe(failed));
            return "redirect:/mailroom/quarantine/" + id;
        }
        if (routed.isEmpty()) {
            flash.addFlashAttribute("stillUnreadable", true);
            return "redirect:/mailroom/quarantine/" + id;
        }
        flash.addFlashAttribute("retried", routed.get().outcome().name());
        flash.addFlashAttribute("retriedCase", routed.get().caseId());
        return "redirect:/mailroom#quarantine";
    }

    private String page(Model model, Long editedStore, MailboxForm editedForm, Map<String, String> editedErrors) {
        List<MailboxCardView> cards = organization.stores().stream().map(store -> {
            Optional<Mailbox> mailbox = mailboxes.of(store.id());
            boolean edited = editedStore != null && editedStore == store.id();
            MailboxForm form = edited ? editedForm.withoutPassword()
                    : mailbox.map(MailboxForm::of).orElseGet(MailboxForm::empty);
            return new MailboxCardView(store, mailbox, form, edited ? editedErrors : Map.of());
        }).toList();
        model.addAttribute("cards", cards);
        model.addAttribute("zone", zone(null));
        model.addAttribute("quarantine", quarantine.newestFirst(200));
        model.addAttribute("duplicates", duplicates.newestFirst(50));
        // Whether outgoing mail is going out, in plain words: the owner is the one who can fix it.
        OutboxHealth health = outbox.health();
        model.addAttribute("outboxFlowing", health.flowing());
        model.addAttribute("outboxWords", messages.getMessage(health.warning().orElseGet(() ->
                new DefaultMessageSourceResolvable(new String[] {"mail.waiting.NONE"}, new Object[] {health.waiting()})),
                org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        model.addAttribute("storeNames", organization.stores().stream()
                .collect(java.util.stream.Collectors.toMap(StoreSummary::id, StoreSummary::name)));
        return "mailroom/mailroom";
    }

    private Map<String, String> validate(MailboxForm form, Optional<Mailbox> before) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!validAddress(form.address())) {
            errors.put("address", "mailroom.error.address");
        }
        if (!form.imapHost().isBlank()) {
            if (!form.imapHost().matches("[A-Za-z0-9.:\\[\\]-]{1,253}")) {
                errors.put("imapHost", "mailroom.error.host");
            } else {
                serverAddresses.refusal(form.imapHost(), form.ownNetwork())
                        .ifPresent(refused -> errors.put("imapHost", refused));
            }
            if (!form.imapPort().matches("\\d{1,5}") || Integer.parseInt(form.imapPort()) < 1
                    || Integer.parseInt(form.imapPort()) > 65535) {
                errors.put("imapPort", "mailroom.error.port");
            }
            if (form.imapUser().isBlank()) {
                errors.put("imapUser", "mailroom.error.user");
            }
            boolean sameAccount = before.isPresent() && before.get().hasPassword()
                    && form.imapHost().equals(before.get().imapHost())
                    && form.imapUser().equals(before.get().imapUser());
            if (form.imapPassword().isEmpty() && !sameAccount) {
                // a stored password is never sent to another server or account than the one it was given for
                errors.put("imapPassword", "mailroom.error.password");
            }
        }
        return errors;
    }

    static boolean validAddress(String address) {
        if (address == null || address.isBlank() || address.length() > 254 || !address.contains("@")) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed.getPersonal() == null && address.equals(parsed.getAddress());
        } catch (AddressException invalid) {
            return false;
        }
    }

    /** UTF-8 when the bytes are valid UTF-8 (a character split by the cut aside), else one character per byte. */
    static String asText(byte[] bytes, boolean cut) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, 0, bytes.length - (cut ? trailingPartial(bytes) : 0)))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** How many bytes at the end start a UTF-8 character that the cut left unfinished. */
    private static int trailingPartial(byte[] bytes) {
        for (int back = 1; back <= Math.min(3, bytes.length); back++) {
            int b = bytes[bytes.length - back] & 0xff;
            if ((b & 0xc0) == 0xc0) {
                int needed = (b & 0xe0) == 0xc0 ? 2 : (b & 0xf0) == 0xe0 ? 3 : 4;
                return needed > back ? back : 0;
            }
            if ((b & 0x80) == 0) {
                return 0;
            }
        }
        return 0;
    }

    private StoreSummary store(long storeId) {
        return organization.store(storeId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.replaceAll("[\\p{Cntrl}]", " ").strip();
    }

    /** Mail is shown in its store's time zone; mail of no store in the first store's. */
    private ZoneId zone(Long storeId) {
        return Optional.ofNullable(storeId).flatMap(organization::store)
                .or(() -> organization.stores().stream().findFirst())
                .map(StoreSummary::timeZone).orElse(ZoneId.of("UTC"));
    }
}
