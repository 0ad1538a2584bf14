package org.ruleone.catalog.internal;

import java.util.List;
import java.util.Locale;

import org.ruleone.catalog.TransferRequest;
import org.ruleone.catalog.TransferRequests;
import org.ruleone.customers.TimelineEntry;
import org.ruleone.customers.TimelineSource;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Shows on the client's page the items other stores were asked to send them, with where each stands. */
@Component
class TransferTimeline implements TimelineSource {

    private final TransferRequests requests;
    private final MessageSource messages;

    TransferTimeline(TransferRequests requests, MessageSource messages) {
        this.requests = requests;
        this.messages = messages;
    }

    @Override
    public List<TimelineEntry> timeline(long customerId, int limit, Locale locale) {
        return requests.forClient(customerId, limit).stream().map(r -> entry(r, locale)).toList();
    }

    private TimelineEntry entry(TransferRequest r, Locale locale) {
        String status = messages.getMessage("products.transfer.status." + r.status().name(), null, locale);
        String title = messages.getMessage("products.timeline.transfer.title",
                new Object[]{r.quantity(), r.productName(), r.sku(), r.fromStoreName()}, locale);
        String detail = messages.getMessage("products.timeline.transfer.detail", new Object[]{status, r.requestedByName()},
                locale);
        return new TimelineEntry(r.requestedAt(), "products.timeline.transfer", title, detail, "/products/requests?store=" + r.toStoreId() + "#request-" + r.id());
    }
}
