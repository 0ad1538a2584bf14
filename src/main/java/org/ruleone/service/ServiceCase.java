package org.ruleone.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.ruleone.shared.Language;

/**
 * One customer problem or request. Its status changes only through the transitions below, each guarded by the
 * status it starts from and each registering an event with the facts as they were. Nothing here asks for a
 * manager: any associate of the store may resolve a case at once.
 */
public class ServiceCase {

    private static final Set<CaseStatus> ACTIVE = EnumSet.of(CaseStatus.OPEN, CaseStatus.WAITING_ON_CUSTOMER);

    private final long id;
    private final long storeId;
    private final long customerId;
    private final Channel channel;
    private final String subject;
    private final Language language;
    private final Instant openedAt;
    private final long version;
    private final List<CaseMessage> messages;
    private final List<RecordedResolution> resolutions;
    private final List<Object> events = new ArrayList<>();
    private final Set<Long> changedResolutions = new HashSet<>();
    private Long ownerId;
    private CaseStatus status;
    private Instant firstResponseAt;
    private Instant resolvedAt;
    private int reopened;

    ServiceCase(long id, long storeId, long customerId, Long ownerId, Channel channel, String subject,
                Language language, CaseStatus status, Instant openedAt, Instant firstResponseAt, Instant resolvedAt,
                int reopened, long version, List<CaseMessage> messages, List<RecordedResolution> resolutions) {
        this.id = id;
        this.storeId = storeId;
        this.customerId = customerId;
        this.ownerId = ownerId;
        this.channel = Objects.requireNonNull(channel, "channel");
        this.subject = subject;
        this.language = Objects.requireNonNull(language, "language");
        this.status = Objects.requireNonNull(status, "status");
        this.openedAt = openedAt;
        this.firstResponseAt = firstResponseAt;
        this.resolvedAt = resolvedAt;
        this.reopened = reopened;
        this.version = version;
        this.messages = new ArrayList<>(messages);
        this.resolutions = new ArrayList<>(resolutions);
    }

    /** Opens a case with the id reserved for it; the draft's language must be settled. */
    public static ServiceCase open(long id, CaseDraft draft, Clock clock) {
        Instant now = clock.instant();
        ServiceCase opened = new ServiceCase(id, draft.storeId(), draft.customerId(), draft.ownerId(),
                draft.channel(), draft.subject(), draft.language(), CaseStatus.OPEN, now, null, null, 0, 0,
                List.of(), List.of());
        if (draft.firstMessage() != null) {
            opened.messages.add(new CaseMessage(null, AuthorKind.CUSTOMER, null, draft.firstMessage(), false, now));
        }
        opened.events.add(new CaseOpened(id, opened.storeId, opened.customerId, opened.ownerId, opened.channel,
                opened.subject, opened.language, now));
        return opened;
    }

    /** The customer wrote again: a waiting case opens, a resolved one is reopened. */
    public void addCustomerMessage(String body, Clock clock) {
        String text = required(body, "message");
        Instant now = clock.instant();
        CaseStatus before = status;
        if (status == CaseStatus.RESOLVED) {
            markReopened(null, now);
        }
        status = CaseStatus.OPEN;
        messages.add(new CaseMessage(null, AuthorKind.CUSTOMER, null, text, false, now));
        events.add(new CustomerWrote(id, storeId, customerId, ownerId, before, now));
    }

    /**
     * An associate answers the customer. The first answer sets the first response time, which later answers
     * never move.
     */
    public void reply(long associateId, String body, boolean waitForCustomer, Clock clock) {
        requireActive("reply");
        String text = required(body, "reply");
        Instant now = clock.instant();
        boolean first = firstResponseAt == null;
        if (first) {
            firstResponseAt = now;
        }
        status = waitForCustomer ? CaseStatus.WAITING_ON_CUSTOMER : CaseStatus.OPEN;
        messages.add(new CaseMessage(null, AuthorKind.ASSOCIATE, associateId, text, false, now));
        events.add(new CaseReplied(id, storeId, customerId, associateId, channel, language, subject, text, first,
                waitForCustomer, now));
    }

    /** A note for colleagues only; it changes nothing the customer sees, in any status. */
    public void addInternalNote(long associateId, String body, Clock clock) {
        messages.add(new CaseMessage(null, AuthorKind.ASSOCIATE, associateId, required(body, "note"), true,
                clock.instant()));
    }

    /** Resolves the case at once, with no approval, recording what it cost and why it helps the customer. */
    public void resolve(Resolution resolution, String judgment, long associateId, Clock clock) {
        Objects.requireNonNull(resolution, "resolution");
        String why = required(judgment, "sentence of judgment");
        requireActive("be resolved");
        Instant now = clock.instant();
        status = CaseStatus.RESOLVED;
        resolvedAt = now;
        resolutions.add(new RecordedResolution(null, resolution, why, associateId, now));
        events.add(new CaseResolved(id, storeId, customerId, associateId, resolution.kind(), resolution.cost(),
                why, now));
    }

    /**
     * Moves an alteration order of this case on (ordered, ready, collected), in any status of the case: the
     * alteration goes on after the case is resolved.
     */
    public void progressAlteration(long resolutionId, AlterationStatus next, long associateId, Clock clock) {
        Objects.requireNonNull(next, "status");
        int index = indexOfResolution(resolutionId);
        RecordedResolution given = resolutions.get(index);
        if (!(given.resolution().details() instanceof ResolutionDetails.Alteration alteration)) {
            throw new IllegalArgumentException("Resolution " + resolutionId + " is not an alteration");
        }
        if (next.ordinal() <= alteration.status().ordinal()) {
            throw new IllegalStateException("Alteration " + resolutionId + " is already " + alteration.status());
        }
        Resolution before = given.resolution();
        Resolution after = new Resolution(before.kind(), before.cost(),
                new ResolutionDetails.Alteration(alteration.promisedAt(), next));
        resolutions.set(index, new RecordedResolution(given.id(), after, given.judgment(), given.associateId(),
                given.createdAt()));
        changedResolutions.add(resolutionId);
        events.add(new AlterationProgressed(id, storeId, customerId, resolutionId, alteration.promisedAt(), next,
                associateId, clock.instant()));
    }

    private int indexOfResolution(long resolutionId) {
        for (int i = 0; i < resolutions.size(); i++) {
            Long candidate = resolutions.get(i).id();
            if (candidate != null && candidate == resolutionId) {
                return i;
            }
        }
        throw new IllegalArgumentException("Case " + id + " has no resolution " + resolutionId);
    }

    /** Gives the case to an associate of its store, for instance when an e-mail opened it with no owner. */
    public void assignTo(long newOwnerId, long byAssociateId, Clock clock) {
        if (ownerId != null && ownerId == newOwnerId) {
            return;
        }
        Long previous = ownerId;
        ownerId = newOwnerId;
        events.add(new CaseAssigned(id, storeId, customerId, previous, newOwnerId, byAssociateId, clock.instant()));
    }

    /** An associate opens a resolved case again. */
    public void reopen(long associateId, Clock clock) {
        if (status != CaseStatus.RESOLVED) {
            throw new IllegalCaseTransitionException(id, status, "be reopened");
        }
        markReopened(associateId, clock.instant());
        status = CaseStatus.OPEN;
    }

    private void markReopened(Long associateId, Instant now) {
        reopened++;
        resolvedAt = null;
        events.add(new CaseReopened(id, storeId, customerId, associateId, reopened, now));
    }

    private void requireActive(String transition) {
        if (!ACTIVE.contains(status)) {
            throw new IllegalCaseTransitionException(id, status, transition);
        }
    }

    private static String required(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A case needs a non-empty " + what);
        }
        return text.strip();
    }

    /** The events registered since the case was loaded, oldest first. */
    public List<Object> events() {
        return List.copyOf(events);
    }

    void clearEvents() {
        events.clear();
    }

    public long id() {
        return id;
    }

    public long storeId() {
        return storeId;
    }

    public long customerId() {
        return customerId;
    }

    public Long ownerId() {
        return ownerId;
    }

    public Channel channel() {
        return channel;
    }

    public String subject() {
        return subject;
    }

    public Language language() {
        return language;
    }

    public CaseStatus status() {
        return status;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant firstResponseAt() {
        return firstResponseAt;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public int timesReopened() {
        return reopened;
    }

    long version() {
        return version;
    }

    /** Saved resolutions whose details changed since the case was loaded. */
    Set<Long> changedResolutions() {
        return Set.copyOf(changedResolutions);
    }

    /** Messages and notes, oldest first. */
    public List<CaseMessage> messages() {
        return List.copyOf(messages);
    }

    /** Resolutions given, oldest first (a reopened case may be resolved again). */
    public List<RecordedResolution> resolutions() {
        return List.copyOf(resolutions);
    }
}
