package org.ruleone.customers.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDataExport;
import org.ruleone.customers.ImportantDate;
import org.ruleone.organization.Organization;
import org.ruleone.shared.Language;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import static org.ruleone.customers.ClientDataExport.firstName;
import static org.ruleone.customers.ClientDataExport.item;

/** The client's own details, first in their copy of their data: who they are to the store, and how to reach them. */
@Component
@Order(0)
class ClientDetailsExport implements ClientDataExport {

    private final ClientBook book;
    private final Organization organization;

    ClientDetailsExport(ClientBook book, Organization organization) {
        this.book = book;
        this.organization = organization;
    }

    @Override
    public Section export(long clientId, Language language) {
        Optional<Client> found = book.client(clientId, Optional.empty());
        if (found.isEmpty()) {
            return new Section("details", List.of());
        }
        Client c = found.get();
        List<Map<String, Object>> dates = c.dates().stream().map(ClientDetailsExport::date).toList();
        return new Section("details", List.of(item(
                "clientNumber", c.id(), "posNumber", c.externalId(),
                "firstName", c.firstName(), "lastName", c.lastName(), "email", c.email(), "phone", c.phone(),
                "addressLine1", c.address().line1(), "addressLine2", c.address().line2(),
                "postalCode", c.address().postalCode(), "city", c.address().city(), "region", c.address().region(),
                "country", c.address().country(), "language", c.language().code(), "sizes", c.sizes(),
                "tags", new ArrayList<>(c.tags()), "dates", dates, "notes", c.notes(),
                "associate", c.associateId() == null ? null : organization.associate(c.associateId())
                        .map(a -> firstName(a.name())).orElse(null),
                "createdAt", c.createdAt(), "updatedAt", c.updatedAt())));
    }

    private static Map<String, Object> date(ImportantDate d) {
        return item("kind", d.kind().name(), "label", d.label().isEmpty() ? null : d.label(),
                "date", d.year() == null ? "--" + d.monthDay().toString().substring(2)
                        : LocalDate.of(d.year(), d.monthDay().getMonth(), d.monthDay().getDayOfMonth()));
    }
}
