package org.ruleone.campaigns.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.campaigns.AudienceCount;
import org.ruleone.campaigns.Audiences;
import org.ruleone.campaigns.Campaign;
import org.ruleone.campaigns.CampaignLetters;
import org.ruleone.campaigns.CampaignSender;
import org.ruleone.campaigns.CampaignStatus;
import org.ruleone.campaigns.Campaigns;
import org.ruleone.campaigns.internal.CampaignMail;
import org.ruleone.mail.Outbox;
import org.ruleone.mail.OutboxHealth;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.paper.LetterFormat;
import org.ruleone.shared.IllegalTransitionException;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static java.util.stream.Collectors.toMap;

/**
 * Events and sales: the list, the form with a live count of who is in and who is left out and why, the campaign
 * page where it is sent, and its results.
 */
@Controller
@RequestMapping("/campaigns")
class CampaignsController {

    private final Campaigns campaigns;
    private final CampaignSender sender;
    private final Audiences audiences;
    private final Organization organization;
    private final CampaignLetters letters;
    private final Outbox outbox;
    private final MessageSource messages;

    CampaignsController(Campaigns campaigns, CampaignSender sender, Audiences audiences, Organization organization,
                        CampaignLetters letters, Outbox outbox, MessageSource messages) {
        this.outbox = outbox;
        this.messages = messages;
        this.campaigns = campaigns;
        this.sender = sender;
        this.audiences = audiences;
        this.organization = organization;
        this.letters = letters;
    }

    /** What every campaign page needs: the person's language, all languages, and the reasons to leave out. */
    @org.springframework.web.bind.annotation.ModelAttribute
    void common(java.util.Locale locale, Model model) {
        model.addAttribute("lang", org.ruleone.shared.Language.of(locale));
        model.addAttribute("languages", org.ruleone.shared.Language.values());
        model.addAttribute("reasons", org.ruleone.campaigns.LeftOutReason.values());
        model.addAttribute("segments", org.ruleone.clienteling.Segment.values());
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInAssociate me, Model model, java.util.Locale locale) {
        List<Campaign> list = campaigns.list(me);
        model.addAttribute("campaigns", list);
        // A sent campaign whose mail waits in an outbox that is not sending is not "Sent".
        OutboxHealth health = outbox.health();
        Map<Long, String> waiting = new java.util.HashMap<>();
        if (!health.flowing()) {
            for (Campaign c : list) {
                long n = c.status() == CampaignStatus.SENT ? outbox.waiting(CampaignMail.dedupeKeyPrefix(c.id())) : 0;
                if (n > 0) {
                    waiting.put(c.id(), messages.getMessage("campaigns.status.waiting", new Object[] {n}, locale));
                }
            }
        }
        model.addAttribute("waiting", waiting);
        model.addAttribute("mailDelay", waiting.isEmpty() ? null : health.warning()
                .map(words -> messages.getMessage(words, locale)).orElse(null));
        model.addAttribute("storeNames", storeNames(me));
        return "campaigns/list";
    }

    @GetMapping("/new")
    String form(@AuthenticationPrincipal SignedInAssociate me, Model model) {
        return formPage(CampaignForm.forStore(me.storeId()), Map.of(), me, model);
    }

    /** The live count under the form (htmx), in the person's store scope. */
    @PostMapping("/audience")
    String audience(@ModelAttribute("campaignForm") CampaignForm form, @AuthenticationPrincipal SignedInAssociate me,
                    Model model) {
        Map<String, String> problems = form.problems(true);
        if (problems.isEmpty() && allowedStore(form.store(), me)) {
            model.addAttribute("count", audiences.count(form.audience(), me.storeScope(), zone(form.store(), me)));
        }
        return "campaigns/form :: count";
    }

    @PostMapping
    String create(@ModelAttribute("campaignForm") CampaignForm form, @AuthenticationPrincipal SignedInAssociate me,
                  Model model) {
        Map<String, String> problems = new java.util.LinkedHashMap<>(form.problems(false));
        if (!allowedStore(form.store(), me)) {
            problems.put("storeId", "campaigns.form.error.store");
        }
        if (!problems.isEmpty()) {
            return formPage(form, problems, me, model);
        }
        long id = campaigns.create(form.draft(zone(form.store(), me)), me);
        return "redirect:/campaigns/" + id;
    }

    @GetMapping("/{id}")
    String page(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me, Model model,
                java.util.Locale locale) {
        Campaign c = campaigns.find(id, me).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("campaign", c);
        // "On their way" and "Sent" only when true: mail waiting in an outbox that is not sending says so instead.
        long waiting = c.status() == CampaignStatus.SENT ? outbox.waiting(CampaignMail.dedupeKeyPrefix(c.id())) : 0;
        model.addAttribute("mailDelay", waiting == 0 ? null : outbox.health().warning()
                .map(words -> messages.getMessage(words, locale)).orElse(null));
        model.addAttribute("zone", campaigns.zone(c.storeId()));
        model.addAttribute("storeNames", storeNames(me));
        if (c.status() == CampaignStatus.DRAFT) {
            model.addAttribute("count", campaigns.count(c));
        } else {
            model.addAttribute("results", campaigns.results(c));
        }
        model.addAttribute("letters", letters.audience(c));
        model.addAttribute("usLetter", c.storeId() != null && organization.store(c.storeId())
                .map(s -> LetterFormat.forCountry(s.country()) == LetterFormat.US_LETTER_10_WINDOW).orElse(false));
        return "campaigns/campaign";
    }

    /** The campaign as mail-merged letters for the clients whose postal consent is in force. */
    @GetMapping("/{id}/letters.pdf")
    ResponseEntity<byte[]> letters(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me) {
        Campaign c = campaigns.find(id, me).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("letters-campaign-" + c.id() + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(letters.render(c));
    }

    @PostMapping("/{id}/send")
    String send(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes redirect) {
        campaigns.find(id, me).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            redirect.addFlashAttribute("queued", sender.send(id, me));
        } catch (IllegalTransitionException e) {
            redirect.addFlashAttribute("problem", "campaigns.error.alreadySent");
        }
        return "redirect:/campaigns/" + id;
    }

    private String formPage(CampaignForm form, Map<String, String> problems, SignedInAssociate me, Model model) {
        model.addAttribute("campaignForm", form);
        model.addAttribute("problems", problems);
        model.addAttribute("stores", organization.storesVisibleTo(me));
        if (form.problems(true).isEmpty() && allowedStore(form.store(), me)) {
            AudienceCount count = audiences.count(form.audience(), me.storeScope(), zone(form.store(), me));
            model.addAttribute("count", count);
        }
        return "campaigns/form";
    }

    private boolean allowedStore(Long store, SignedInAssociate me) {
        return store == null ? me.isOwner() : me.canSeeStore(store);
    }

    private ZoneId zone(Long store, SignedInAssociate me) {
        return campaigns.zone(store != null ? store : me.storeId());
    }

    private Map<Long, String> storeNames(SignedInAssociate me) {
        List<StoreSummary> stores = organization.storesVisibleTo(me);
        return stores.stream().collect(toMap(StoreSummary::id, StoreSummary::name));
    }
}
