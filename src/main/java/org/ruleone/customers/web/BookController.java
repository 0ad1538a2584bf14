package org.ruleone.customers.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.ruleone.customers.ClientBook;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static java.util.stream.Collectors.toMap;

/** Client books per associate, and handing a whole book to a colleague of the same store, e.g. when someone leaves. */
@Controller
@RequestMapping("/clients/books")
@PreAuthorize("hasAnyRole('OWNER','MANAGER')")
class BookController {

    /** One associate's book as the page lists it. */
    record BookView(AssociateSummary associate, String storeName, int size) {
    }

    private final ClientBook book;
    private final Organization organization;

    BookController(ClientBook book, Organization organization) {
        this.book = book;
        this.organization = organization;
    }

    @GetMapping
    String books(@AuthenticationPrincipal SignedInAssociate me, Model model) {
        Map<Long, String> storeNames = organization.storesVisibleTo(me).stream()
                .collect(toMap(StoreSummary::id, StoreSummary::name));
        List<BookView> books = people(me).stream()
                .map(a -> new BookView(a, storeNames.getOrDefault(a.storeId(), ""), book.bookSize(a.id())))
                .toList();
        model.addAttribute("books", books);
        model.addAttribute("receivers", people(me).stream().filter(AssociateSummary::active).toList());
        model.addAttribute("storeNames", storeNames);
        return "customers/books";
    }

    @PostMapping
    String reassignBook(@RequestParam(required = false) Long from, @RequestParam(required = false) Long to,
                        @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) {
        Map<Long, AssociateSummary> visible = people(me).stream()
                .collect(toMap(AssociateSummary::id, Function.identity()));
        AssociateSummary giver = from == null ? null : visible.get(from);
        AssociateSummary receiver = to == null ? null : visible.get(to);
        if (giver == null || receiver == null || giver.id() == receiver.id() || !receiver.active()
                || !giver.storeId().equals(receiver.storeId())) {
            flash.addFlashAttribute("problem", "clients.books.invalid");
            return "redirect:/clients/books";
        }
        int moved = book.reassignBook(giver.storeId(), giver.id(), receiver.id());
        flash.addFlashAttribute("moved", moved);
        flash.addFlashAttribute("movedFrom", giver.name());
        flash.addFlashAttribute("movedTo", receiver.name());
        return "redirect:/clients/books";
    }

    /** Everyone who works in a store this person sees. */
    private List<AssociateSummary> people(SignedInAssociate me) {
        Optional<Long> scope = me.storeScope();
        return organization.associates(scope).stream().filter(a -> a.storeId() != null).toList();
    }
}
