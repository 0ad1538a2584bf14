package org.ruleone.platform.web;

import java.io.Serializable;
import java.security.Principal;
import java.util.List;
import java.util.Set;

import org.ruleone.platform.internal.WebhookAddresses;
import org.ruleone.platform.internal.WebhookEndpoints;
import org.ruleone.platform.internal.WebhookOutbox;
import org.ruleone.platform.internal.WebhookSender;
import org.ruleone.platform.internal.WebhookTypes;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's webhooks: endpoints registered, their secrets, the events they get and their recent deliveries. */
@Controller
@RequestMapping("/settings/webhooks")
@PreAuthorize("hasRole('OWNER')")
class WebhooksController {

    static final int RECENT_DELIVERIES = 50;

    private final WebhookEndpoints endpoints;
    private final WebhookTypes types;
    private final WebhookOutbox outbox;
    private final WebhookSender sender;

    WebhooksController(WebhookEndpoints endpoints, WebhookTypes types, WebhookOutbox outbox, WebhookSender sender) {
        this.endpoints = endpoints;
        this.types = types;
        this.outbox = outbox;
        this.sender = sender;
    }

    /** The register form as typed, sent back with the reason it was refused. */
    record EndpointForm(String url, List<String> events) implements Serializable {
        EndpointForm {
            events = List.copyOf(events);
        }
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("endpoints", endpoints.list());
        model.addAttribute("types", types.all());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new EndpointForm("", List.of()));
        }
        return "platform/webhooks";
    }

    @PostMapping
    String register(@RequestParam(defaultValue = "") String url,
                    @RequestParam(name = "events", required = false) List<String> events,
                    Principal me, RedirectAttributes flash) {
        List<String> chosen = events == null ? List.of() : events;
        try {
            WebhookEndpoints.WithSecret made = endpoints.register(url, Set.copyOf(chosen), me.getName());
            flash.addFlashAttribute("secret", made.secret());
            return "redirect:/settings/webhooks/" + made.id();
        } catch (WebhookAddresses.Refused refused) {
            flash.addFlashAttribute("problem", "webhooks.refused." + refused.reason());
            flash.addFlashAttribute("form", new EndpointForm(url, chosen));
            return "redirect:/settings/webhooks";
        }
    }

    @GetMapping("/{id}")
    String endpoint(@PathVariable long id, Model model) {
        model.addAttribute("endpoint", endpoints.find(id).orElseThrow(WebhooksController::notFound));
        model.addAttribute("types", types.all());
        model.addAttribute("deliveries", endpoints.deliveries(id, RECENT_DELIVERIES));
        return "platform/webhook";
    }

    @PostMapping("/{id}/events")
    String choose(@PathVariable long id, @RequestParam(name = "events", required = false) List<String> events,
                  RedirectAttributes flash) {
        endpoints.find(id).orElseThrow(WebhooksController::notFound);
        endpoints.choose(id, events == null ? Set.of() : Set.copyOf(events));
        flash.addFlashAttribute("done", "webhooks.saved");
        return redirect(id);
    }

    @PostMapping("/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes flash) {
        endpoints.find(id).orElseThrow(WebhooksController::notFound);
        endpoints.enable(id, enabled);
        flash.addFlashAttribute("done", enabled ? "webhooks.enabledNow" : "webhooks.disabledNow");
        return redirect(id);
    }

    @PostMapping("/{id}/rotate")
    String rotate(@PathVariable long id, RedirectAttributes flash) {
        flash.addFlashAttribute("secret", endpoints.rotate(id).orElseThrow(WebhooksController::notFound).secret());
        return redirect(id);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes flash) {
        endpoints.delete(id);
        flash.addFlashAttribute("done", "webhooks.deleted");
        return "redirect:/settings/webhooks";
    }

    @PostMapping("/{id}/test")
    String test(@PathVariable long id, RedirectAttributes flash) {
        endpoints.find(id).orElseThrow(WebhooksController::notFound);
        long delivery = outbox.test(id);
        flash.addFlashAttribute("done", "webhooks.outcome." + sender.sendNow(delivery)
                .orElse(WebhookSender.Outcome.RETRYING));
        return redirect(id);
    }

    @PostMapping("/{id}/deliveries/{delivery}/retry")
    String retry(@PathVariable long id, @PathVariable long delivery, RedirectAttributes flash) {
        if (!endpoints.retry(id, delivery)) {
            throw notFound();
        }
        flash.addFlashAttribute("done", "webhooks.outcome." + sender.sendNow(delivery)
                .orElse(WebhookSender.Outcome.RETRYING));
        return redirect(id);
    }

    private static String redirect(long id) {
        return "redirect:/settings/webhooks/" + id;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
