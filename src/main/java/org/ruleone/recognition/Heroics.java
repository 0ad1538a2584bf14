package org.ruleone.recognition;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ruleone.customers.ClientBook;
import org.ruleone.mail.Outbox;
import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.Role;
import org.ruleone.organization.StoreSummary;
import org.ruleone.recognition.internal.HeroMail;
import org.ruleone.recognition.internal.HeroicRecords;
import org.ruleone.recognition.internal.HeroicRecords.HeroRow;
import org.ruleone.recognition.internal.HeroicRecords.HeroicRow;
import org.ruleone.recognition.internal.HeroicRules;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.ServiceCase;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporting heroics, thanking and commenting on them. A report names its heroes (never the reporter), the day (not
 * after today in the reporter's store), and optionally the client and case, both among what the reporter may see; in
 * the same transaction it tells each hero by mail, in the hero's language, and publishes {@link HeroicReported}.
 */
@Service
public class Heroics {

    /** The longest "what happened". */
    public static final int MAX_TEXT = 4000;
    /** The longest comment. */
    public static final int MAX_COMMENT = 2000;

    private final HeroicRecords records;
    private final Organization organization;
    private final ClientBook clients;
    private final CaseDesk cases;
    private final Outbox outbox;
    private final HeroMail mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Heroics(HeroicRecords records, Organization organization, ClientBook clients, CaseDesk cases, Outbox outbox,
            HeroMail mail, ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.organization = organization;
        this.clients = clients;
        this.cases = cases;
        this.outbox = outbox;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
    }

    /** Records the heroic and tells its heroes; {@link HeroicRefusedException} says what is wrong with it. */
    @Transactional
    public long report(long reporterId, HeroicDraft draft) {
        AssociateSummary reporter = organization.associate(reporterId).filter(AssociateSummary::active)
                .orElseThrow(() -> new HeroicRefusedException("recognition.refused.reporter"));
        Optional<Long> scope = reporter.role() == Role.OWNER ? Optional.empty() : Optional.of(reporter.storeId());
        List<AssociateSummary> heroes = heroes(draft.heroIds(), reporterId);
        if (draft.happenedOn() == null) {
            throw new HeroicRefusedException("recognition.refused.when");
        }
        if (draft.happenedOn().isAfter(today(reporter))) {
            throw new HeroicRefusedException("recognition.refused.future");
        }
        String what = draft.what() == null ? "" : draft.what().strip();
        if (what.isEmpty()) {
            throw new HeroicRefusedException("recognition.refused.what");
        }
        if (what.length() > MAX_TEXT) {
            throw new HeroicRefusedException("recognition.refused.whatTooLong");
        }
        Long customerId = draft.customerId();
        if (customerId != null && clients.client(customerId, scope).isEmpty()) {
            throw new HeroicRefusedException("recognition.refused.client");
        }
        if (draft.caseId() != null) {
            ServiceCase serviceCase = cases.find(draft.caseId(), scope)
                    .orElseThrow(() -> new HeroicRefusedException("recognition.refused.case"));
            if (customerId != null && customerId != serviceCase.customerId()) {
                throw new HeroicRefusedException("recognition.refused.caseOfAnotherClient");
            }
            customerId = serviceCase.customerId();
        }
        List<HeroRow> rows = heroes.stream().map(h -> new HeroRow(h.id(), h.name(), h.storeId())).toList();
        var now = clock.instant();
        long id = records.insert(reporterId, draft.happenedOn(), customerId, draft.caseId(), what, now, rows,
                draft.photo());
        for (AssociateSummary hero : heroes) {
            if (Outbox.accepts(hero.email()) && Outbox.accepts(reporter.email())) {
                outbox.enqueue(mail.compose(id, hero, reporter, draft.happenedOn(), what));
            }
        }
        events.publishEvent(new HeroicReported(id, reporterId,
                rows.stream().map(r -> new HeroicReported.Hero(r.associateId(), r.storeId())).toList(),
                draft.happenedOn(), customerId, draft.caseId(), now));
        return id;
    }

    /**
     * Gives this person's "thank you" to a heroic, or takes it back; true when given now. Empty when there is no such
     * heroic.
     */
    @Transactional
    public Optional<Boolean> thank(long heroicId, long associateId) {
        return records.find(heroicId).map(h -> records.toggleThanks(h.id(), associateId, clock.instant()));
    }

    /**
     * Adds an internal comment; refused when this person may not read the heroic's comments or the text is empty or
     * too long. Empty when there is no such heroic.
     */
    @Transactional
    public Optional<Long> comment(long heroicId, long authorId, String body) {
        Optional<HeroicRow> heroic = records.find(heroicId);
        if (heroic.isEmpty()) {
            return Optional.empty();
        }
        AssociateSummary author = organization.associate(authorId).filter(AssociateSummary::active)
                .orElseThrow(() -> new HeroicRefusedException("recognition.refused.reporter"));
        if (!HeroicRules.mayReadComments(heroic.get(), author.role(), author.storeId())) {
            throw new HeroicRefusedException("recognition.refused.comment");
        }
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new HeroicRefusedException("recognition.refused.commentEmpty");
        }
        if (text.length() > MAX_COMMENT) {
            throw new HeroicRefusedException("recognition.refused.commentTooLong");
        }
        return Optional.of(records.addComment(heroicId, authorId, text, clock.instant()));
    }

    private List<AssociateSummary> heroes(List<Long> ids, long reporterId) {
        if (ids.isEmpty()) {
            throw new HeroicRefusedException("recognition.refused.noHero");
        }
        if (ids.contains(reporterId)) {
            throw new HeroicRefusedException("recognition.refused.self");
        }
        List<AssociateSummary> heroes = new ArrayList<>();
        for (long id : ids) {
            heroes.add(organization.associate(id).filter(AssociateSummary::active)
                    .orElseThrow(() -> new HeroicRefusedException("recognition.refused.hero")));
        }
        return heroes;
    }

    private LocalDate today(AssociateSummary reporter) {
        ZoneId zone = Optional.ofNullable(reporter.storeId()).flatMap(organization::store)
                .map(StoreSummary::timeZone).orElse(ZoneOffset.ofHours(14));
        return LocalDate.now(clock.withZone(zone));
    }
}
