package org.ruleone.telephony;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.organization.Organization;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseDraft;
import org.ruleone.service.CaseFilter;
import org.ruleone.service.CaseStatus;
import org.ruleone.service.CaseSummary;
import org.ruleone.service.Channel;
import org.ruleone.service.ServiceCase;
import org.ruleone.telephony.internal.CallRecords;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The telephony module's public API: records calls, by hand or as the store's telephony reports them, and
 * publishes {@link CallLogged} for each in the same transaction. Methods take the store scope of the person asking
 * (empty for an owner or a chain-wide token).
 */
@Service
public class PhoneCalls {

    private final CallRecords records;
    private final ClientBook clients;
    private final CaseDesk cases;
    private final Organization organization;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PhoneCalls(CallRecords records, ClientBook clients, CaseDesk cases, Organization organization,
               ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.clients = clients;
        this.cases = cases;
        this.organization = organization;
        this.events = events;
        this.clock = clock;
    }

    /** What was recorded: the call, and the client and case it was tied to. */
    public record Logged(long callId, Long customerId, Long caseId) {
    }

    /**
     * Records a call as given. When it names a case, the case must be of the call's store, and the call takes the
     * case's client.
     *
     * @throws IllegalArgumentException when the store, client, case or associate is outside the scope or the
     *                                  call's store, or the client differs from the case's
     */
    @Transactional
    public Logged log(CallDraft draft, Optional<Long> scope) {
        if (scope.isPresent() && scope.get() != draft.storeId()) {
            throw new IllegalArgumentException("Store outside scope: " + draft.storeId());
        }
        if (organization.store(draft.storeId()).isEmpty()) {
            throw new IllegalArgumentException("No store " + draft.storeId());
        }
        CallDraft settled = draft;
        if (draft.customerId() != null && clients.client(draft.customerId(), Optional.of(draft.storeId())).isEmpty()) {
            throw new IllegalArgumentException("No client " + draft.customerId() + " in store " + draft.storeId());
        }
        if (draft.caseId() != null) {
            ServiceCase serviceCase = cases.find(draft.caseId(), Optional.of(draft.storeId()))
                    .orElseThrow(() -> new IllegalArgumentException("No case " + draft.caseId() + " in store "
                            + draft.storeId()));
            if (draft.customerId() != null && draft.customerId() != serviceCase.customerId()) {
                throw new IllegalArgumentException("Case " + draft.caseId() + " is another client's");
            }
            settled = draft.forCase(serviceCase.id(), serviceCase.customerId());
        }
        if (draft.associateId() != null) {
            checkAssociate(draft.storeId(), draft.associateId());
        }
        long id = records.insert(settled, clock.instant());
        events.publishEvent(new CallLogged(id, settled.storeId(), settled.customerId(), settled.caseId(),
                settled.associateId(), settled.ringingAt(), settled.rings(), settled.secondsToAnswer(),
                settled.outcome().name()));
        return new Logged(id, settled.customerId(), settled.caseId());
    }

    /**
     * Records a call the store's telephony reported: with no client given, the client whose phone number is the
     * caller's (or nobody); with no case given, that client's most recent open case (or none).
     */
    @Transactional
    public Logged report(CallDraft draft, Optional<Long> scope) {
        CallDraft settled = draft;
        if (settled.customerId() == null && settled.caseId() == null) {
            settled = settled.forCustomer(clientByPhone(settled.storeId(), settled.callerNumber()).orElse(null));
        }
        if (settled.caseId() == null && settled.customerId() != null) {
            Optional<Long> open = openCaseOf(settled.customerId(), settled.storeId());
            if (open.isPresent()) {
                settled = settled.forCase(open.get(), settled.customerId());
            }
        }
        return log(settled, scope);
    }

    /**
     * Opens a phone case for the call's client and records the call on it, in one transaction.
     *
     * @throws IllegalArgumentException as {@link #log} and {@link CaseDesk#open} do, or when the call has no client
     */
    @Transactional
    public Logged logWithNewCase(CallDraft draft, String subject, long associateId, Optional<Long> scope) {
        if (draft.customerId() == null) {
            throw new IllegalArgumentException("A case needs a client");
        }
        long caseId = cases.open(new CaseDraft(draft.storeId(), draft.customerId(), associateId, Channel.PHONE,
                subject, null, null), scope);
        return log(draft.forCase(caseId, draft.customerId()), scope);
    }

    /**
     * The client of this store whose phone number this is, however either is written ("020 7946 0000" in a UK
     * store is "+44 (0)20 7946 0000"), as the client book finds clients for every channel.
     */
    public Optional<Long> clientByPhone(long storeId, String number) {
        return clients.find(storeId, ClientBook.Contact.phone(number));
    }

    /** The client's most recently opened case that is not resolved. */
    public Optional<Long> openCaseOf(long customerId, long storeId) {
        CaseFilter filter = new CaseFilter(Optional.of(storeId), Optional.empty(), Optional.of(customerId),
                Optional.empty(), 20);
        return cases.list(filter, Optional.of(storeId)).stream()
                .filter(c -> c.status() != CaseStatus.RESOLVED)
                .map(CaseSummary::id)
                .findFirst();
    }

    public Optional<Client> client(long customerId, long storeId) {
        return clients.client(customerId, Optional.of(storeId));
    }

    /** The latest calls in scope, optionally of one store, newest first. */
    public List<PhoneCall> recent(Optional<Long> scope, Optional<Long> store, int limit) {
        return records.recent(scope.orElse(null), store.orElse(null), limit);
    }

    /** A case's calls, oldest first (the caller checks the case is in scope). */
    public List<PhoneCall> ofCase(long caseId) {
        return records.ofCase(caseId);
    }

    private void checkAssociate(long storeId, long associateId) {
        if (!organization.mayActIn(associateId, storeId)) {
            throw new IllegalArgumentException("Associate " + associateId + " does not work in store " + storeId);
        }
    }
}
