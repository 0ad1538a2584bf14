package org.ruleone.customers.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import static java.util.stream.Collectors.toMap;

/**
 * The client list: live search as the associate types (htmx asks for the results fragment), the whole page
 * without JavaScript, and the associate's own book when nothing is typed.
 */
@Controller
@RequestMapping("/clients")
class ClientsController {

    static final int BOOK_LIMIT = 200;

    private final ClientBook book;
    private final Organization organization;

    ClientsController(ClientBook book, Organization organization) {
        this.book = book;
        this.organization = organization;
    }

    @GetMapping
    String list(@RequestParam(name = "q", defaultValue = "") String query,
                @RequestHeader(name = "HX-Request", required = false) String htmx,
                @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
                @AuthenticationPrincipal SignedInAssociate me, Model model, HttpServletResponse response) {
        String q = query.strip();
        model.addAttribute("q", q);
        if (q.isEmpty()) {
            int mine = book.bookSize(me.id());
            // An owner or manager seldom keeps clients of their own: show them the clients they look after.
            boolean theirs = mine == 0 && me.isManagerOrOwner();
            model.addAttribute("myClients", theirs ? book.latest(me.storeScope(), BOOK_LIMIT) : book.bookOf(me.id(), BOOK_LIMIT));
            model.addAttribute("myClientsTotal", theirs ? book.count(me.storeScope()) : mine);
            model.addAttribute("bookKey", theirs ? "clients.latest" : "clients.mine");
        } else {
            List<ClientSummary> results = book.search(q, me.storeScope());
            model.addAttribute("results", results);
            model.addAttribute("limitReached", results.size() >= ClientBook.SEARCH_LIMIT);
        }
        model.addAttribute("storeNames", organization.storesVisibleTo(me).stream()
                .collect(toMap(StoreSummary::id, StoreSummary::name)));
        model.addAttribute("showStore", me.isOwner() && organization.stores().size() > 1);
        // Caches must not serve the fragment for a full-page request or the other way round.
        response.addHeader("Vary", "HX-Request");
        boolean fragment = htmx != null && historyRestore == null;
        return fragment ? "customers/clients :: results" : "customers/clients";
    }
}
