package org.ruleone.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.organization.Organization;
import org.ruleone.shared.Language;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service desk's public API. Methods that take a case id also take the store scope of the person asking
 * (empty for an owner, see {@code SignedInAssociate.storeScope()}): a case outside that scope does not exist for
 * them. A change is saved and its events are published in one transaction, so the event publication registry
 * holds them if a listener fails or the process dies.
 */
@Service
public class CaseDesk {

    /** The largest file a case accepts, from an associate or from inbound mail. */
    public static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;

    private final ServiceCases cases;
    private final CaseAttachments attachments;
    private final ClientBook clients;
    private final Organization organization;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseDesk(ServiceCases cases, CaseAttachments attachments, ClientBook clients, Organization organization,
             ApplicationEventPublisher events, Clock clock) {
        this.cases = cases;
        this.attachments = attachments;
        this.clients = clients;
        this.organization = organization;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The same desk, recording what it does at the times of another clock: for bringing in a history that
     * happened before (the demo). Use it inside the caller's transaction; it adds none of its own.
     */
    public CaseDesk asOf(Clock then) {
        return new CaseDesk(cases, attachments, clients, organization, events, then);
    }

    /**
     * Opens a case for a client; with no language in the draft, the case speaks the client's language.
     *
     * @return the new case's id
     * @throws IllegalArgumentException when the store or the client is outside the scope, or the owner does not
     *                                  work in the store
     */
    @Transactional
    public long open(CaseDraft draft, Optional<Long> scope) {
        if (scope.isPresent() && scope.get() != draft.storeId()) {
            throw new IllegalArgumentException("Store outside scope: " + draft.storeId());
        }
        Language clientLanguage = clients.languageOf(draft.customerId(), draft.storeId())
                .orElseThrow(() -> new IllegalArgumentException(
                        "No client " + draft.customerId() + " in store " + draft.storeId()));
        if (draft.ownerId() != null) {
            checkAssociate(draft.storeId(), draft.ownerId());
        }
        CaseDraft settled = draft.language() == null ? draft.inLanguage(clientLanguage) : draft;
        ServiceCase opened = ServiceCase.open(cases.nextId(), settled, clock);
        cases.insert(opened);
        publish(opened);
        return opened.id();
    }

    public Optional<ServiceCase> find(long caseId, Optional<Long> scope) {
        return cases.find(caseId, scope.orElse(null));
    }

    /** Cases matching the filter within the scope, newest first. */
    public List<CaseSummary> list(CaseFilter filter, Optional<Long> scope) {
        return cases.list(filter, scope.orElse(null));
    }

    /** Where each of these cases stands, for a list that links to them; cases outside the scope are left out. */
    public java.util.Map<Long, CaseStatus> statuses(java.util.Collection<Long> caseIds, Optional<Long> scope) {
        return cases.statuses(caseIds, scope.orElse(null));
    }

    /** How many of the store's cases are in each status (absent statuses have none); nothing outside the scope. */
    public java.util.Map<CaseStatus, Long> countsByStatus(long storeId, Optional<Long> scope) {
        return cases.countsByStatus(List.of(storeId), java.util.EnumSet.allOf(CaseStatus.class), scope.orElse(null))
                .getOrDefault(storeId, new java.util.EnumMap<>(CaseStatus.class));
    }

    /**
     * How many cases each of these stores has in each of these statuses, in one query (a store or status without
     * cases is absent); stores outside the scope are left out.
     */
    public java.util.Map<Long, java.util.Map<CaseStatus, Long>> countsByStatus(java.util.Collection<Long> storeIds,
                                                                              java.util.Set<CaseStatus> statuses,
                                                                              Optional<Long> scope) {
        return cases.countsByStatus(storeIds, statuses, scope.orElse(null));
    }

    /**
     * @return false when there is no such case in scope
     * @throws IllegalCaseTransitionException when the case is resolved (reopen it first)
     */
    @Transactional
    public boolean reply(long caseId, Optional<Long> scope, long associateId, String body, boolean waitForCustomer) {
        return change(caseId, scope, associateId, c -> c.reply(associateId, body, waitForCustomer, clock));
    }

    /** @return false when there is no such case in scope */
    @Transactional
    public boolean note(long caseId, Optional<Long> scope, long associateId, String body) {
        return change(caseId, scope, associateId, c -> c.addInternalNote(associateId, body, clock));
    }

    /**
     * Resolves a case at once: any associate of the case's store may, and nobody approves it.
     *
     * @return false when there is no such case in scope
     * @throws IllegalArgumentException       when the judgment is missing
     * @throws IllegalCaseTransitionException when the case is already resolved
     */
    @Transactional
    public boolean resolve(long caseId, Optional<Long> scope, long associateId, Resolution resolution,
                           String judgment) {
        return change(caseId, scope, associateId, c -> c.resolve(resolution, judgment, associateId, clock));
    }

    /**
     * @return false when there is no such case in scope
     * @throws IllegalCaseTransitionException when the case is not resolved
     */
    @Transactional
    public boolean reopen(long caseId, Optional<Long> scope, long associateId) {
        return change(caseId, scope, associateId, c -> c.reopen(associateId, clock));
    }

    /**
     * Gives a case to an associate of its store ("my cases" lists it for them).
     *
     * @return false when there is no such case in scope
     * @throws IllegalArgumentException when the new owner does not work in the case's store
     */
    @Transactional
    public boolean assign(long caseId, Optional<Long> scope, long byAssociateId, long newOwnerId) {
        return change(caseId, scope, byAssociateId, c -> {
            checkAssociate(c.storeId(), newOwnerId);
            c.assignTo(newOwnerId, byAssociateId, clock);
        });
    }

    /**
     * Marks an alteration order of a case ready or collected.
     *
     * @return false when there is no such case in scope
     * @throws IllegalArgumentException when the resolution is not an alteration of this case
     * @throws IllegalStateException    when the alteration is already at or past that status
     */
    @Transactional
    public boolean progressAlteration(long caseId, Optional<Long> scope, long associateId, long resolutionId,
                                      AlterationStatus status) {
        return change(caseId, scope, associateId,
                c -> c.progressAlteration(resolutionId, status, associateId, clock));
    }

    /**
     * Adds what the customer wrote (by e-mail, the web form or the API) to a case, reopening it when it was
     * resolved. The caller has already matched the message to the case.
     *
     * @return false when there is no such case
     */
    @Transactional
    public boolean customerWrote(long caseId, String body) {
        Optional<ServiceCase> found = cases.find(caseId, null);
        found.ifPresent(c -> {
            c.addCustomerMessage(body, clock);
            save(c);
        });
        return found.isPresent();
    }

    /**
     * Attaches a file that came with the customer's mail (or from another system) to a case. The caller has
     * already matched the mail to the case.
     *
     * @return the attachment's id
     * @throws IllegalArgumentException         when there is no such case, or the name is blank
     * @throws CaseAttachmentTooLargeException  when the file is larger than {@link #MAX_ATTACHMENT_BYTES}
     */
    @Transactional
    public long attach(long caseId, String fileName, String contentType, byte[] content) {
        if (cases.find(caseId, null).isEmpty()) {
            throw new IllegalArgumentException("No case " + caseId);
        }
        return store(caseId, fileName, contentType, content, null);
    }

    /**
     * Attaches a file an associate uploads, for instance a photo of the damaged goods.
     *
     * @return the attachment's id, or empty when there is no such case in scope
     * @throws IllegalArgumentException         when the associate does not work in the case's store, or the name
     *                                          is blank
     * @throws CaseAttachmentTooLargeException  when the file is larger than {@link #MAX_ATTACHMENT_BYTES}
     */
    @Transactional
    public Optional<Long> attach(long caseId, Optional<Long> scope, long associateId, String fileName,
                                 String contentType, byte[] content) {
        Optional<ServiceCase> found = cases.find(caseId, scope.orElse(null));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        checkAssociate(found.get().storeId(), associateId);
        return Optional.of(store(caseId, fileName, contentType, content, associateId));
    }

    /** The files on a case, oldest first; empty when there is no such case in scope. */
    public List<CaseAttachment> attachments(long caseId, Optional<Long> scope) {
        return attachments.ofCase(caseId, scope.orElse(null));
    }

    /** One file of a case with its content, when the case is in scope. */
    public Optional<CaseAttachment.File> attachment(long caseId, long attachmentId, Optional<Long> scope) {
        return attachments.file(caseId, attachmentId, scope.orElse(null));
    }

    private long store(long caseId, String fileName, String contentType, byte[] content, Long associateId) {
        if (content.length > MAX_ATTACHMENT_BYTES) {
            throw new CaseAttachmentTooLargeException(content.length);
        }
        String name = fileName == null ? "" : fileName.replaceAll("[\\p{Cntrl}]", "").strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.isBlank()) {
            throw new IllegalArgumentException("An attachment needs a file name");
        }
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream"
                : contentType.strip().toLowerCase(java.util.Locale.ROOT);
        return attachments.insert(caseId, name, type, content, associateId, clock.instant());
    }

    private boolean change(long caseId, Optional<Long> scope, long associateId, Consumer<ServiceCase> transition) {
        Optional<ServiceCase> found = cases.find(caseId, scope.orElse(null));
        found.ifPresent(c -> {
            checkAssociate(c.storeId(), associateId);
            transition.accept(c);
            save(c);
        });
        return found.isPresent();
    }

    private void save(ServiceCase changed) {
        cases.update(changed);
        publish(changed);
    }

    private void publish(ServiceCase serviceCase) {
        serviceCase.events().forEach(events::publishEvent);
        serviceCase.clearEvents();
    }

    private void checkAssociate(long storeId, long associateId) {
        if (!organization.mayActIn(associateId, storeId)) {
            throw new IllegalArgumentException("Associate " + associateId + " does not work in store " + storeId);
        }
    }
}
