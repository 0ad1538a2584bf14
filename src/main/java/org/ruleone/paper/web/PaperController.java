package org.ruleone.paper.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ruleone.clienteling.Task;
import org.ruleone.clienteling.TaskKind;
import org.ruleone.clienteling.TaskStatus;
import org.ruleone.clienteling.Tasks;
import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.paper.AddressFormat;
import org.ruleone.paper.CardFormat;
import org.ruleone.paper.Envelope;
import org.ruleone.paper.EnvelopeFormat;
import org.ruleone.paper.LabelSheet;
import org.ruleone.paper.NoteCard;
import org.ruleone.paper.PaperPrinter;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The print batch: the open thank-you notes of my book (a manager: the store's), note cards, envelopes and a label
 * sheet for the ones chosen, then "printed and sent" closes those tasks.
 */
@Controller
@RequestMapping("/paper")
class PaperController {

    static final String PRINTED = "printed";

    private final Tasks tasks;
    private final ClientBook book;
    private final Organization organization;
    private final PaperPrinter printer;
    private final MessageSource messages;

    PaperController(Tasks tasks, ClientBook book, Organization organization, PaperPrinter printer,
                    MessageSource messages) {
        this.tasks = tasks;
        this.book = book;
        this.organization = organization;
        this.printer = printer;
        this.messages = messages;
    }

    /** A note to print, as the batch screen lists it; {@code task} is null for a client chosen without a task. */
    record NoteView(Task task, Client client, List<String> address, boolean chosen) {
    }

    @GetMapping
    String batch(@RequestParam(required = false) Long store, @RequestParam(required = false) List<Long> task,
                 @RequestParam(required = false) List<Long> client, @RequestParam(required = false) String problem,
                 @AuthenticationPrincipal SignedInAssociate me, Model model) {
        if ("noneChosen".equals(problem) || "noAddress".equals(problem)) {
            model.addAttribute("problem", "paper.problem." + problem);
        }
        StoreSummary current = storeFor(me, store);
        List<Task> open = tasks.openThankYous(who(me, current));
        // Nothing asked for: every note is ticked; otherwise only the ones asked for.
        boolean all = (task == null || task.isEmpty()) && (client == null || client.isEmpty());
        Set<Long> chosen = all ? null : task == null ? Set.of() : Set.copyOf(task);
        List<NoteView> notes = new ArrayList<>();
        for (Task t : open) {
            book.client(t.customerId(), Optional.of(current.id())).ifPresent(c -> notes.add(new NoteView(t, c, address(c, current), chosen == null
                    || chosen.contains(t.id()))));
        }
        for (Client c : clients(client, current)) {
            if (notes.stream().noneMatch(n -> n.client().id() == c.id())) {
                notes.add(new NoteView(null, c, address(c, current), true));
            }
        }
        model.addAttribute("store", current);
        model.addAttribute("stores", me.isOwner() ? organization.stores() : List.of());
        model.addAttribute("notes", notes);
        model.addAttribute("cardFormats", CardFormat.values());
        model.addAttribute("envelopeFormats", EnvelopeFormat.values());
        model.addAttribute("labelSheets", LabelSheet.values());
        model.addAttribute("usLetter", "US".equals(AddressFormat.countryCode(current.country())));
        return "paper/batch";
    }

    @PostMapping("/cards.pdf")
    ResponseEntity<?> cards(@RequestParam(required = false) Long store,
                                 @RequestParam(required = false) List<Long> client,
                                 @RequestParam(required = false) List<Long> task,
                                 @RequestParam(defaultValue = "A6") CardFormat format,
                                 @AuthenticationPrincipal SignedInAssociate me) {
        StoreSummary current = storeFor(me, store);
        String signature = me.name();
        List<NoteCard> cards = printable(me, current, task, client).stream()
                .map(c -> new NoteCard(c.displayName(), opening(c), signature, current.name()))
                .toList();
        if (cards.isEmpty()) {
            return back(current, me, task, client, "noneChosen");
        }
        return pdf(printer.noteCards(cards, format), "note-cards-" + format.name().toLowerCase() + ".pdf");
    }

    @PostMapping("/envelopes.pdf")
    ResponseEntity<?> envelopes(@RequestParam(required = false) Long store,
                                 @RequestParam(required = false) List<Long> client,
                                     @RequestParam(required = false) List<Long> task,
                                     @RequestParam(defaultValue = "DL") EnvelopeFormat envelope,
                                     @AuthenticationPrincipal SignedInAssociate me) {
        StoreSummary current = storeFor(me, store);
        List<String> from = returnAddress(current);
        List<Envelope> envelopes = printable(me, current, task, client).stream()
                .filter(c -> !c.address().isEmpty())
                .map(c -> new Envelope(from, address(c, current)))
                .toList();
        if (envelopes.isEmpty()) {
            return back(current, me, task, client, (task == null || task.isEmpty()) && (client == null
                    || client.isEmpty()) ? "noneChosen" : "noAddress");
        }
        return pdf(printer.envelopes(envelopes, envelope), "envelopes-" + envelope.name().toLowerCase() + ".pdf");
    }

    @PostMapping("/labels.pdf")
    ResponseEntity<?> labels(@RequestParam(required = false) Long store,
                                 @RequestParam(required = false) List<Long> client,
                                  @RequestParam(required = false) List<Long> task,
                                  @RequestParam(defaultValue = "AVERY_L7160") LabelSheet sheet,
                                  @RequestParam(defaultValue = "1") int startAt,
                                  @AuthenticationPrincipal SignedInAssociate me) {
        StoreSummary current = storeFor(me, store);
        List<List<String>> addresses = printable(me, current, task, client).stream()
                .filter(c -> !c.address().isEmpty())
                .map(c -> address(c, current))
                .toList();
        if (addresses.isEmpty()) {
            return back(current, me, task, client, (task == null || task.isEmpty()) && (client == null
                    || client.isEmpty()) ? "noneChosen" : "noAddress");
        }
        int skip = Math.max(0, Math.min(sheet.perSheet() - 1, startAt - 1));
        return pdf(printer.labels(addresses, sheet, skip), "labels-" + sheet.name().toLowerCase() + ".pdf");
    }

    @PostMapping("/sent")
    String sent(@RequestParam(required = false) Long store, @RequestParam(required = false) List<Long> task,
                @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) {
        StoreSummary current = storeFor(me, store);
        Map<Long, Client> chosen = chosen(me, current, task);
        int closed = tasks.closeAll(chosen.keySet(), Optional.of(current.id()), TaskStatus.DONE, me.id(), PRINTED);
        flash.addFlashAttribute("closed", closed);
        return "redirect:/paper" + (me.isOwner() ? "?store=" + current.id() : "");
    }

    /** The clients of the chosen tasks, then the clients chosen without a task, each once. */
    private List<Client> printable(SignedInAssociate me, StoreSummary store, List<Long> tasks, List<Long> clients) {
        Map<Long, Client> all = new LinkedHashMap<>();
        chosen(me, store, tasks).values().forEach(c -> all.putIfAbsent(c.id(), c));
        clients(clients, store).forEach(c -> all.putIfAbsent(c.id(), c));
        return List.copyOf(all.values());
    }

    /** Clients chosen by id, in the store; others are left out. */
    private List<Client> clients(List<Long> ids, StoreSummary store) {
        if (ids == null) {
            return List.of();
        }
        return ids.stream().distinct().limit(500).map(id -> book.client(id, Optional.of(store.id())))
                .flatMap(Optional::stream).toList();
    }

    /** The chosen open thank-you tasks this person may print, with their clients, by task id. */
    private Map<Long, Client> chosen(SignedInAssociate me, StoreSummary store, List<Long> ids) {
        Map<Long, Client> chosen = new LinkedHashMap<>();
        if (ids == null) {
            return chosen;
        }
        for (Task t : tasks.find(ids, Optional.of(store.id()))) {
            boolean mine = me.isManagerOrOwner() || t.associateId() == null || t.associateId() == me.id();
            if (t.kind() == TaskKind.THANK_YOU && t.open() && mine && t.customerId() != null) {
                book.client(t.customerId(), Optional.of(store.id())).ifPresent(c -> chosen.put(t.id(), c));
            }
        }
        return chosen;
    }

    private Tasks.Who who(SignedInAssociate me, StoreSummary store) {
        return me.isManagerOrOwner() ? Tasks.Who.store(store.id()) : Tasks.Who.associate(store.id(), me.id());
    }

    private String opening(Client client) {
        return messages.getMessage("paper.opening", null, client.language().locale());
    }

    private List<String> address(Client client, StoreSummary store) {
        return AddressFormat.lines(client.displayName(), client.address(), store.country(),
                store.language().locale());
    }

    /** The store's name and its address, one line per line or comma. */
    static List<String> returnAddress(StoreSummary store) {
        List<String> lines = new ArrayList<>();
        lines.add(store.name());
        for (String part : store.address().split("\\R|,")) {
            if (!part.isBlank()) {
                lines.add(part.strip());
            }
        }
        return lines;
    }

    /** Back to the batch screen with the same choice and a problem to show. */
    private static ResponseEntity<?> back(StoreSummary store, SignedInAssociate me, List<Long> tasks,
                                          List<Long> clients, String problem) {
        var uri = org.springframework.web.util.UriComponentsBuilder.fromPath("/paper")
                .queryParam("problem", problem);
        if (me.isOwner()) {
            uri.queryParam("store", store.id());
        }
        if (tasks != null) {
            tasks.forEach(t -> uri.queryParam("task", t));
        }
        if (clients != null) {
            clients.forEach(c -> uri.queryParam("client", c));
        }
        return ResponseEntity.status(303).location(uri.build().toUri()).build();
    }

    private static ResponseEntity<byte[]> pdf(byte[] bytes, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(bytes);
    }

    private StoreSummary storeFor(SignedInAssociate me, Long wanted) {
        return organization.storeShownTo(me, wanted).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

}
