package org.ruleone.catalog.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.catalog.Catalog;
import org.ruleone.catalog.Product;
import org.ruleone.catalog.StockLine;
import org.ruleone.catalog.TransferRequest;
import org.ruleone.catalog.TransferRequests;
import org.ruleone.catalog.TransferStatus;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.shared.IllegalTransitionException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static java.util.stream.Collectors.toMap;

/**
 * Find it anywhere: search products by name or SKU, see which stores have one and where it sits, and ask another
 * store to send it to a client; the requests a store received and sent.
 */
@Controller
@RequestMapping("/products")
class ProductsController {

    private final Catalog catalog;
    private final TransferRequests requests;
    private final ClientBook clients;
    private final Organization organization;

    ProductsController(Catalog catalog, TransferRequests requests, ClientBook clients, Organization organization) {
        this.catalog = catalog;
        this.requests = requests;
        this.clients = clients;
        this.organization = organization;
    }

    @GetMapping
    String find(@RequestParam(name = "q", defaultValue = "") String query,
                @RequestHeader(name = "HX-Request", required = false) String htmx,
                @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
                @AuthenticationPrincipal SignedInAssociate me, Model model) {
        String q = query.strip();
        model.addAttribute("q", q);
        if (!q.isEmpty()) {
            List<Product> found = catalog.find(q);
            model.addAttribute("results", found);
            model.addAttribute("stock", found.stream().collect(toMap(Product::id, p -> catalog.stock(p.id()))));
        }
        model.addAttribute("incomingOpen", me.storeId() == null ? 0 : requests.incoming(me.storeId(), 100).stream()
                .filter(r -> r.status() == TransferStatus.REQUESTED).count());
        return htmx != null && historyRestore == null ? "catalog/products :: results" : "catalog/products";
    }

    @GetMapping("/{id}")
    String product(@PathVariable long id, @RequestParam(name = "from", required = false) Long from,
                   @RequestParam(name = "clientQuery", defaultValue = "") String clientQuery,
                   @AuthenticationPrincipal SignedInAssociate me, Model model) {
        Product product = catalog.product(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<StockLine> stock = catalog.stock(id);
        model.addAttribute("product", product);
        model.addAttribute("stock", stock);
        model.addAttribute("from", from);
        model.addAttribute("clientQuery", clientQuery.strip());
        if (from != null) {
            stock.stream().filter(s -> s.storeId() == from).findFirst().ifPresent(s -> model.addAttribute("fromLine", s));
            if (!clientQuery.isBlank()) {
                List<ClientSummary> found = clients.search(clientQuery.strip(), me.storeScope()).stream()
                        .filter(c -> c.storeId() != from).toList();
                model.addAttribute("clientResults", found);
            }
        }
        return "catalog/product";
    }

    @PostMapping("/{id}/requests")
    String request(@PathVariable long id, @RequestParam("from") long from,
                   @RequestParam(name = "customer", required = false) Long customer,
                   @RequestParam(name = "quantity", defaultValue = "1") String quantity,
                   @RequestParam(name = "note", defaultValue = "") String note,
                   @RequestParam(name = "clientQuery", defaultValue = "") String clientQuery,
                   @AuthenticationPrincipal SignedInAssociate me, Model model, RedirectAttributes redirect) {
        String error = null;
        int qty = 0;
        try {
            qty = Integer.parseInt(quantity.strip());
        } catch (NumberFormatException e) {
            error = "products.request.error.quantity";
        }
        if (error == null && qty < 1) {
            error = "products.request.error.quantity";
        }
        if (error == null && customer == null) {
            error = "products.request.error.client";
        }
        if (error == null) {
            try {
                TransferRequest r = requests.request(id, from, customer, qty, note, me);
                return "redirect:/clients/" + r.customerId();
            } catch (IllegalArgumentException e) {
                error = "products.request.error.invalid";
            }
        }
        model.addAttribute("requestError", error);
        model.addAttribute("note", note);
        model.addAttribute("quantity", quantity);
        return product(id, from, clientQuery, me, model);
    }

    @GetMapping("/requests")
    String requestsPage(@RequestParam(name = "store", required = false) Long store,
                        @AuthenticationPrincipal SignedInAssociate me, Model model) {
        List<StoreSummary> stores = organization.storesVisibleTo(me);
        Long storeId = store != null ? store : me.storeId() != null ? me.storeId()
                : stores.isEmpty() ? null : stores.getFirst().id();
        if (storeId != null && !me.canSeeStore(storeId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("stores", stores);
        model.addAttribute("storeId", storeId);
        model.addAttribute("incoming", storeId == null ? List.of() : requests.incoming(storeId, 200));
        model.addAttribute("outgoing", storeId == null ? List.of() : requests.outgoing(storeId, 200));
        Map<Long, String> clientNames = new java.util.HashMap<>();
        if (storeId != null) {
            for (TransferRequest r : requests.outgoing(storeId, 200)) {
                clients.client(r.customerId(), me.storeScope())
                        .ifPresent(c -> clientNames.put(c.id(), c.displayName()));
            }
        }
        model.addAttribute("clientNames", clientNames);
        return "catalog/requests";
    }

    @PostMapping("/requests/{id}/status")
    String move(@PathVariable long id, @RequestParam("status") TransferStatus status,
                @AuthenticationPrincipal SignedInAssociate me, RedirectAttributes redirect) {
        Optional<TransferRequest> r = requests.find(id, me);
        if (r.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            requests.move(id, status, me);
        } catch (IllegalTransitionException e) {
            redirect.addFlashAttribute("moveError", "products.request.error.moved");
        } catch (IllegalStateException e) {
            redirect.addFlashAttribute("moveError", "products.request.error.move");
        }
        long store = me.canSeeStore(r.get().fromStoreId()) ? r.get().fromStoreId() : r.get().toStoreId();
        return "redirect:/products/requests?store=" + store + "#request-" + id;
    }
}
