package org.ruleone.service.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.Formats;
import org.ruleone.service.AlterationStatus;
import org.ruleone.service.CaseAttachment;
import org.ruleone.service.CaseAttachmentTooLargeException;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseFact;
import org.ruleone.service.CaseFactsSource;
import org.ruleone.service.CaseMessage;
import org.ruleone.service.CaseStatus;
import org.ruleone.service.IllegalCaseTransitionException;
import org.ruleone.service.RecordedResolution;
import org.ruleone.service.ReplyMailDelays;
import org.ruleone.service.ResolutionDetails;
import org.ruleone.service.ResolutionKind;
import org.ruleone.service.ServiceCase;
import org.ruleone.service.internal.ItemMatch;
import org.ruleone.service.internal.LostAndFound;
import org.ruleone.service.internal.LostReport;
import org.ruleone.service.internal.StoreCurrency;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * A case's page: who, where, the facts other modules know, the conversation with its internal notes, files, and
 * the resolution forms any associate of the store may use at once. Another store's case does not exist here.
 */
@Controller
@RequestMapping("/cases/{id}")
class CasePageController {

    /** Content types a browser may show as they are; anything else downloads as bytes. */
    static final Set<String> SAFE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "application/pdf", "text/plain");

    private final CaseDesk desk;
    private final LostAndFound lostAndFound;
    private final ClientBook clients;
    private final Organization organization;
    private final ObjectProvider<CaseFactsSource> factSources;
    private final ObjectProvider<ReplyMailDelays> mailDelays;
    private final MessageSource messages;

    private final java.time.Clock clock;

    CasePageController(CaseDesk desk, LostAndFound lostAndFound, ClientBook clients, Organization organization,
                       ObjectProvider<CaseFactsSource> factSources, ObjectProvider<ReplyMailDelays> mailDelays,
                       MessageSource messages, java.time.Clock clock) {
        this.clock = clock;
        this.desk = desk;
        this.lostAndFound = lostAndFound;
        this.clients = clients;
        this.organization = organization;
        this.factSources = factSources;
        this.mailDelays = mailDelays;
        this.messages = messages;
    }

    record CaseView(long id, String subject, CaseStatus status, String channel, String language, String opened,
                    long clientId, String clientName, String storeName, Long ownerId, String ownerName,
                    int timesReopened) {

        public boolean resolved() {
            return status == CaseStatus.RESOLVED;
        }
    }

    record MessageView(String author, boolean customer, boolean internal, String body, String at) {
    }

    record ResolutionView(long id, ResolutionKind kind, BigDecimal cost, String currency, String judgment,
                          String by, String at, List<String> details, AlterationStatus alteration) {

        public boolean canBeReady() {
            return alteration == AlterationStatus.ORDERED;
        }

        public boolean canBeCollected() {
            return alteration == AlterationStatus.ORDERED || alteration == AlterationStatus.READY;
        }
    }

    record AttachmentView(long id, String fileName, String size, String by, String at) {
    }

    record MatchView(long itemId, String what, String description, String foundWhere, String foundAt,
                     String foundBy, int percent) {
    }

    @GetMapping
    String show(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me, Model model, Locale locale) {
        ServiceCase serviceCase = find(id, me);
        populate(serviceCase, me, model, locale);
        return "service/case";
    }

    @PostMapping("/replies")
    String reply(@PathVariable long id, @RequestParam(defaultValue = "") String body,
                 @RequestParam(defaultValue = "false") boolean waiting,
                 @RequestHeader(name = "HX-Request", required = false) String htmx,
                 @AuthenticationPrincipal SignedInAssociate me, Model model, RedirectAttributes flash, Locale locale) {
        find(id, me);
        String problem = null;
        if (body.isBlank()) {
            problem = "case.reply.empty";
        } else {
            try {
                desk.reply(id, me.storeScope(), me.id(), body, waiting);
            } catch (IllegalCaseTransitionException e) {
                problem = "case.problem.resolved";
            } catch (OptimisticLockingFailureException e) {
                problem = "case.problem.changed";
            }
        }
        // "Reply sent" only when it is true: a reply mailed into an outbox that is not sending says so instead
        // (the page shows the outbox's words while the case's mail waits).
        String notice = problem != null || mailDelay(id, locale).isPresent() ? null : "case.replied";
        return conversation(id, me, model, flash, locale, htmx, problem, "reply", body, notice);
    }

    @PostMapping("/notes")
    String note(@PathVariable long id, @RequestParam(defaultValue = "") String body,
                @RequestHeader(name = "HX-Request", required = false) String htmx,
                @AuthenticationPrincipal SignedInAssociate me, Model model, RedirectAttributes flash, Locale locale) {
        find(id, me);
        String problem = null;
        if (body.isBlank()) {
            problem = "case.note.empty";
        } else {
            try {
                desk.note(id, me.storeScope(), me.id(), body);
            } catch (OptimisticLockingFailureException e) {
                problem = "case.problem.changed";
            }
        }
        return conversation(id, me, model, flash, locale, htmx, problem, "note", body, problem == null ? "case.noted" : null);
    }

    /** With htmx the conversation fragment comes back (with what was typed when refused); without, the page. */
    private String conversation(long id, SignedInAssociate me, Model model, RedirectAttributes flash, Locale locale,
                                String htmx, String problem, String form, String typed, String notice) {
        if (htmx != null) {
            populate(find(id, me), me, model, locale);
            model.addAttribute("conversationProblem", problem);
            model.addAttribute("conversationNotice", notice);
            model.addAttribute(form + "Typed", problem == null ? "" : typed);
            return "service/case :: conversation";
        }
        if (problem != null) {
            populate(find(id, me), me, model, locale);
            model.addAttribute("conversationProblem", problem);
            model.addAttribute(form + "Typed", typed);
            return "service/case";
        }
        if (notice != null) {
            flash.addFlashAttribute("notice", notice);
        }
        return "redirect:/cases/" + id + "#conversation";
    }

    @PostMapping("/owner")
    String assign(@PathVariable long id, @RequestParam(required = false) Long ownerId,
                  @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) {
        find(id, me);
        try {
            if (ownerId == null || !desk.assign(id, me.storeScope(), me.id(), ownerId)) {
                flash.addFlashAttribute("problem", "case.assign.invalid");
            } else {
                flash.addFlashAttribute("notice", "case.assigned");
            }
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problem", "case.assign.invalid");
        }
        return "redirect:/cases/" + id;
    }

    @PostMapping("/reopen")
    String reopen(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) {
        find(id, me);
        try {
            desk.reopen(id, me.storeScope(), me.id());
            flash.addFlashAttribute("notice", "case.reopened");
        } catch (IllegalCaseTransitionException e) {
            flash.addFlashAttribute("problem", "case.problem.notResolved");
        }
        return "redirect:/cases/" + id;
    }

    @PostMapping("/resolution")
    String resolve(@PathVariable long id, @ModelAttribute ResolveForm form,
                   @AuthenticationPrincipal SignedInAssociate me, Model model, RedirectAttributes flash,
                   Locale locale) {
        ServiceCase serviceCase = find(id, me);
        StoreSummary store = organization.store(serviceCase.storeId()).orElseThrow();
        Map<String, String> problems = new java.util.LinkedHashMap<>(form.problems(store.timeZone()));
        if (problems.isEmpty()) {
            try {
                desk.resolve(id, me.storeScope(), me.id(), form.resolution(store.timeZone(), StoreCurrency.of(store)),
                        form.judgment());
                flash.addFlashAttribute("notice", "case.resolved");
                return "redirect:/cases/" + id;
            } catch (IllegalCaseTransitionException e) {
                problems.put("kind", "case.problem.resolved");
            } catch (OptimisticLockingFailureException e) {
                problems.put("kind", "case.problem.changed");
            } catch (IllegalArgumentException e) {
                problems.put("kind", "resolve.error.invalid");
            }
        }
        populate(serviceCase, me, model, locale);
        model.addAttribute("resolveForm", form);
        model.addAttribute("resolveProblems", problems);
        return "service/case";
    }

    @PostMapping("/alterations/{resolutionId}")
    String progressAlteration(@PathVariable long id, @PathVariable long resolutionId,
                              @RequestParam AlterationStatus status, @AuthenticationPrincipal SignedInAssociate me,
                              RedirectAttributes flash) {
        find(id, me);
        try {
            desk.progressAlteration(id, me.storeScope(), me.id(), resolutionId, status);
            flash.addFlashAttribute("notice", "alteration.now." + status.name());
        } catch (IllegalStateException | IllegalArgumentException e) {
            flash.addFlashAttribute("problem", "alteration.problem");
        }
        return "redirect:/cases/" + id + "#resolutions";
    }

    @PostMapping("/attachments")
    String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                  @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) throws IOException {
        find(id, me);
        if (file == null || file.isEmpty()) {
            flash.addFlashAttribute("problem", "attachment.empty");
        } else if (file.getSize() > CaseDesk.MAX_ATTACHMENT_BYTES) {
            flash.addFlashAttribute("problem", "attachment.tooLarge");
        } else {
            try {
                desk.attach(id, me.storeScope(), me.id(), file.getOriginalFilename(), file.getContentType(),
                        file.getBytes());
                flash.addFlashAttribute("notice", "attachment.added");
            } catch (CaseAttachmentTooLargeException e) {
                flash.addFlashAttribute("problem", "attachment.tooLarge");
            } catch (IllegalArgumentException e) {
                flash.addFlashAttribute("problem", "attachment.empty");
            }
        }
        return "redirect:/cases/" + id + "#attachments";
    }

    @GetMapping("/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId,
                                    @AuthenticationPrincipal SignedInAssociate me) {
        CaseAttachment.File file = desk.attachment(id, attachmentId, me.storeScope())
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        String type = file.attachment().contentType();
        MediaType mediaType = SAFE_TYPES.contains(type)
                ? (type.equals("text/plain") ? new MediaType("text", "plain", StandardCharsets.UTF_8) : MediaType.parseMediaType(type))
                : MediaType.APPLICATION_OCTET_STREAM;
        return ResponseEntity.ok()
                .contentType(mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.attachment().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .body(file.content());
    }

    @PostMapping("/lost")
    String reportLost(@PathVariable long id, @RequestParam(defaultValue = "") String description,
                      @RequestParam(defaultValue = "") String lostOn, @AuthenticationPrincipal SignedInAssociate me,
                      Model model, RedirectAttributes flash, Locale locale) {
        ServiceCase serviceCase = find(id, me);
        LocalDate day = null;
        String problem = null;
        try {
            day = LocalDate.parse(lostOn.strip());
        } catch (java.time.format.DateTimeParseException e) {
            problem = "lost.error.date";
        }
        if (description.isBlank()) {
            problem = "lost.error.description";
        } else if (description.length() > 2000) {
            problem = "lost.error.description";
        }
        if (problem != null) {
            populate(serviceCase, me, model, locale);
            model.addAttribute("lostProblem", problem);
            model.addAttribute("lostTyped", description);
            model.addAttribute("lostOnTyped", lostOn);
            return "service/case";
        }
        lostAndFound.report(id, me.storeScope(), me.id(), description, day);
        flash.addFlashAttribute("notice", "lost.reported");
        return "redirect:/cases/" + id + "#lost";
    }

    @PostMapping("/found/{itemId}")
    String claim(@PathVariable long id, @PathVariable long itemId, @RequestParam(defaultValue = "") String judgment,
                 @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash, Locale locale) {
        find(id, me);
        String why = judgment.isBlank() ? messages.getMessage("lost.claim.defaultJudgment", null, locale) : judgment;
        try {
            if (!lostAndFound.claim(id, itemId, me.storeScope(), me.id(), why)) {
                flash.addFlashAttribute("problem", "lost.claim.gone");
            } else {
                flash.addFlashAttribute("notice", "lost.claimed");
            }
        } catch (IllegalCaseTransitionException e) {
            flash.addFlashAttribute("problem", "case.problem.resolved");
        }
        return "redirect:/cases/" + id;
    }

    private ServiceCase find(long id, SignedInAssociate me) {
        return desk.find(id, me.storeScope()).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    private void populate(ServiceCase c, SignedInAssociate me, Model model, Locale locale) {
        StoreSummary store = organization.store(c.storeId()).orElseThrow();
        ZoneId zone = store.timeZone();
        Formats fmt = Formats.of(locale);
        Map<Long, String> names = new HashMap<>();
        java.util.function.Function<Long, String> name = associateId -> associateId == null ? null
                : names.computeIfAbsent(associateId, a -> organization.associate(a).map(AssociateSummary::name).orElse("#" + a));
        Optional<Client> client = clients.client(c.customerId(), Optional.empty());
        String clientName = client.map(Client::displayName).orElse("#" + c.customerId());

        model.addAttribute("serviceCase", new CaseView(c.id(), c.subject(), c.status(), c.channel().name(),
                c.language().code(), fmt.dateTime(c.openedAt(), zone), c.customerId(), clientName, store.name(),
                c.ownerId(), name.apply(c.ownerId()), c.timesReopened()));
        model.addAttribute("facts", facts(c.id(), locale));
        model.addAttribute("mailDelay", mailDelay(c.id(), locale).orElse(null));
        model.addAttribute("messages", c.messages().stream().map(m -> new MessageView(
                m.associateId() == null ? clientName : name.apply(m.associateId()), m.associateId() == null,
                m.internal(), m.body(), fmt.dateTime(m.createdAt(), zone))).toList());
        model.addAttribute("resolutions", c.resolutions().stream().map(r -> resolutionView(r, name, zone, locale)).toList());
        model.addAttribute("attachments", desk.attachments(c.id(), me.storeScope()).stream()
                .map(a -> new AttachmentView(a.id(), a.fileName(), size(a.size()),
                        a.associateId() == null ? clientName : name.apply(a.associateId()),
                        fmt.dateTime(a.createdAt(), zone))).toList());
        model.addAttribute("maxAttachmentMb", CaseDesk.MAX_ATTACHMENT_BYTES / (1024 * 1024));
        model.addAttribute("colleagues", organization.associates(Optional.of(c.storeId())).stream()
                .filter(AssociateSummary::active).toList());
        model.addAttribute("kinds", ResolutionKind.values());
        String currency = StoreCurrency.of(store);
        model.addAttribute("storeCurrency", currency);
        if (!model.containsAttribute("resolveForm")) {
            model.addAttribute("resolveForm", ResolveForm.empty(currency));
        }
        if (!model.containsAttribute("resolveProblems")) {
            model.addAttribute("resolveProblems", Map.of());
        }
        Optional<LostReport> report = lostAndFound.reportOf(c.id(), me.storeScope());
        model.addAttribute("lostReport", report.orElse(null));
        model.addAttribute("today", LocalDate.now(clock.withZone(zone)).toString());
        model.addAttribute("matches", report.isEmpty() || c.status() == CaseStatus.RESOLVED ? List.of()
                : lostAndFound.matches(c.id(), me.storeScope()).stream().map(m -> matchView(m, zone, fmt)).toList());
    }

    private Optional<String> mailDelay(long caseId, Locale locale) {
        return mailDelays.orderedStream().map(d -> d.delay(caseId, locale)).flatMap(Optional::stream).findFirst();
    }

    private List<CaseFact> facts(long caseId, Locale locale) {
        List<CaseFact> facts = new ArrayList<>();
        factSources.orderedStream().forEach(s -> facts.addAll(s.facts(caseId, locale)));
        return facts;
    }

    private ResolutionView resolutionView(RecordedResolution r, java.util.function.Function<Long, String> name,
                                          ZoneId zone, Locale locale) {
        Formats fmt = Formats.of(locale);
        List<String> details = new ArrayList<>();
        AlterationStatus alteration = null;
        switch (r.resolution().details()) {
            case ResolutionDetails.Refund refund -> {
                if (refund.goodsNeverSold()) {
                    details.add(text("resolution.detail.neverSold", locale));
                }
            }
            case ResolutionDetails.Replacement rep ->
                    details.add(text("resolution.detail.shipped", locale, rep.carrier(), rep.tracking()));
            case ResolutionDetails.Alteration alt -> {
                details.add(text("resolution.detail.promised", locale, fmt.dateTime(alt.promisedAt(), zone)));
                details.add(text("alteration.status." + alt.status().name(), locale));
                alteration = alt.status();
            }
            case ResolutionDetails.Visit visit ->
                    details.add(text("resolution.detail.visit", locale, fmt.dateTime(visit.visitAt(), zone)));
            case ResolutionDetails.FoundItem found -> details.add(text("resolution.detail.found", locale,
                    found.item() + (found.itemId() == null ? "" : " (#" + found.itemId() + ")")));
            case ResolutionDetails.None none -> {
            }
        }
        return new ResolutionView(r.id() == null ? 0 : r.id(), r.resolution().kind(), r.resolution().cost().amount(),
                r.resolution().currency(), r.judgment(), name.apply(r.associateId()),
                fmt.dateTime(r.createdAt(), zone), details, alteration);
    }

    private MatchView matchView(ItemMatch m, ZoneId zone, Formats fmt) {
        var item = m.item();
        return new MatchView(item.id(), item.what(), item.description(), item.foundWhere(),
                fmt.dateTime(item.foundAt(), zone), item.foundBy(), (int) Math.round(m.score() * 100));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
