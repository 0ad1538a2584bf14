package org.ruleone.recognition.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.platform.Formats;
import org.ruleone.purchases.CustomerPurchases;
import org.ruleone.recognition.Legend;
import org.ruleone.recognition.Legends;
import org.ruleone.recognition.internal.HeroicRecords;
import org.ruleone.recognition.internal.HeroicRecords.HeroicRow;
import org.ruleone.recognition.internal.HeroicRules;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.RecordedResolution;
import org.ruleone.service.ServiceCase;
import org.ruleone.shared.Language;
import org.ruleone.shared.MoneyTotals;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns stored heroics into the cards one viewer sees, in their language. */
@Component
class HeroicCards {

    private final HeroicRecords records;
    private final Organization organization;
    private final ClientBook clients;
    private final CaseDesk cases;
    private final CustomerPurchases purchases;
    private final Legends legends;
    private final MessageSource messages;

    HeroicCards(HeroicRecords records, Organization organization, ClientBook clients, CaseDesk cases,
                CustomerPurchases purchases, Legends legends, MessageSource messages) {
        this.records = records;
        this.organization = organization;
        this.clients = clients;
        this.cases = cases;
        this.purchases = purchases;
        this.legends = legends;
        this.messages = messages;
    }

    List<HeroicView> of(List<HeroicRow> rows, SignedInAssociate viewer, Locale locale) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Collection<Long> ids = rows.stream().map(HeroicRow::id).toList();
        Map<Long, int[]> thanks = records.thanks(ids, viewer.id());
        Map<Long, Integer> comments = records.commentCounts(ids);
        Map<Long, String> stores = organization.stores().stream()
                .collect(Collectors.toMap(StoreSummary::id, StoreSummary::name));
        Map<Long, ClientSummary> visibleClients = clients.summaries(
                rows.stream().map(HeroicRow::customerId).filter(Objects::nonNull).distinct().toList(),
                viewer.storeScope());
        Formats formats = Formats.of(locale);
        Language language = Language.of(locale);
        return rows.stream().map(r -> {
            int[] t = thanks.getOrDefault(r.id(), new int[] {0, 0});
            boolean mayComment = HeroicRules.mayReadComments(r, viewer.role(), viewer.storeId());
            ClientSummary client = r.customerId() == null ? null : visibleClients.get(r.customerId());
            Optional<Legend> legend = legends.ofHeroic(r.id(), language);
            return new HeroicView(r.id(),
                    r.heroes().stream().map(h -> new HeroicView.Hero(h.associateId(), h.name(),
                            h.storeId() == null ? "" : stores.getOrDefault(h.storeId(), ""))).toList(),
                    r.reporterName(), formats.date(r.happenedOn()), r.what(), r.hasPhoto(),
                    client == null ? null : client.displayName(), client == null ? null : client.id(),
                    r.caseId() == null ? null : facts(r.caseId(), viewer, formats, locale).orElse(null),
                    t[0], t[1] == 1, mayComment ? comments.getOrDefault(r.id(), 0) : 0, mayComment,
                    HeroicRules.mayMarkLegend(r, viewer.role(), viewer.storeId()),
                    legend.map(Legend::id).orElse(null), legend.map(Legend::title).orElse(null));
        }).toList();
    }

    /**
     * The linked case's facts, read through the service desk's public API in the chain's scope (the figures are the
     * story's point and name nobody); its subject and link only for a viewer who may see its store.
     */
    private Optional<HeroicView.Facts> facts(long caseId, SignedInAssociate viewer, Formats formats, Locale locale) {
        return cases.find(caseId, Optional.empty()).map(c -> {
            boolean visible = viewer.canSeeStore(c.storeId());
            MoneyTotals spent = MoneyTotals.of(c.resolutions().stream()
                    .map(RecordedResolution::resolution).map(r -> r.cost()).toList());
            String spentText = spent.isEmpty() || spent.amounts().stream().allMatch(m -> m.signum() == 0)
                    ? msg("recognition.facts.spent.nothing", locale)
                    : String.join(" + ", spent.amounts().stream().map(formats::money).toList());
            String howFast = c.resolvedAt() == null ? msg("recognition.facts.fast.open", locale)
                    : msg("recognition.facts.fast", locale, duration(Duration.between(c.openedAt(), c.resolvedAt()),
                    locale));
            return new HeroicView.Facts(caseId, visible ? "/cases/" + caseId : null, visible ? c.subject() : null,
                    spentText, howFast, cameBack(c, formats, locale));
        });
    }

    private String cameBack(ServiceCase c, Formats formats, Locale locale) {
        Instant after = c.resolvedAt() != null ? c.resolvedAt() : c.openedAt();
        ZoneId zone = organization.store(c.storeId()).map(StoreSummary::timeZone).orElse(ZoneId.of("UTC"));
        return purchases.since(List.of(c.customerId()), after).stream()
                .filter(p -> !p.isReturn() && p.purchasedAt().isAfter(after)).findFirst()
                .map(p -> msg("recognition.facts.cameBack", locale, formats.date(p.purchasedAt(), zone)))
                .orElseGet(() -> msg("recognition.facts.notBack", locale));
    }

    private String duration(Duration d, Locale locale) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 60) {
            return msg("recognition.facts.minutes", locale, minutes);
        }
        if (minutes < 48 * 60) {
            return msg("recognition.facts.hours", locale, minutes / 60, minutes % 60);
        }
        return msg("recognition.facts.days", locale, minutes / (24 * 60));
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
