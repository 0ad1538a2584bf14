package org.ruleone.mailroom.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.ruleone.mail.ParseResult;
import org.ruleone.mail.Quarantine;
import org.ruleone.mail.QuarantineReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads every store's mailbox on a schedule. Each message is filed and its UID recorded in one transaction, so a
 * crash neither loses nor doubles a message; one mailbox failing (unreachable, wrong password) never stops the
 * others, and nothing escapes to stop the schedule.
 */
@Component
public class MailroomPoller {

    private static final Logger log = LoggerFactory.getLogger(MailroomPoller.class);

    private final Mailboxes mailboxes;
    private final ImapClient imap;
    private final InboundRouter router;
    private final Quarantine quarantine;
    private final TransactionTemplate transactions;
    private final boolean enabled;
    private final Duration lease;
    private final Duration firstReadMaxAge;
    private final int batch;
    private final java.time.Clock clock;

    MailroomPoller(Mailboxes mailboxes, ImapClient imap, InboundRouter router, Quarantine quarantine,
                   TransactionTemplate transactions,
                   @Value("${ruleone.mailroom.polling-enabled:true}") boolean enabled,
                   @Value("${ruleone.mailroom.lease:PT10M}") Duration lease,
                   @Value("${ruleone.mailroom.first-read-max-age:P14D}") Duration firstReadMaxAge,
                   @Value("${ruleone.mailroom.batch:500}") int batch, java.time.Clock clock) {
        this.mailboxes = mailboxes;
        this.imap = imap;
        this.router = router;
        this.quarantine = quarantine;
        this.transactions = transactions;
        this.enabled = enabled;
        this.lease = lease;
        this.firstReadMaxAge = firstReadMaxAge;
        this.batch = batch;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${ruleone.mailroom.poll-initial-delay:PT30S}",
            fixedDelayString = "${ruleone.mailroom.poll-interval:PT1M}")
    void onSchedule() {
        if (enabled) {
            pollAll();
        }
    }

    /** What one poll did, counted by outcome, plus the mailboxes that could not be read. */
    public record Poll(Map<InboundRouter.Outcome, Integer> outcomes, int failedMailboxes) {
        public int total() {
            return outcomes.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public Poll pollAll() {
        Map<InboundRouter.Outcome, Integer> outcomes = new EnumMap<>(InboundRouter.Outcome.class);
        int failed = 0;
        for (long storeId : safeStores()) {
            Poll one = pollStore(storeId);
            one.outcomes().forEach((outcome, n) -> outcomes.merge(outcome, n, Integer::sum));
            failed += one.failedMailboxes();
        }
        return new Poll(outcomes, failed);
    }

    /** Reads one store's mailbox now (the owner's screen and tests); the same as its share of {@link #pollAll()}. */
    public Poll pollStore(long storeId) {
        Map<InboundRouter.Outcome, Integer> outcomes = new EnumMap<>(InboundRouter.Outcome.class);
        boolean read = pollStore(storeId, outcomes);
        if (!outcomes.isEmpty()) {
            log.info("Mailbox of store {} read: {}", storeId, outcomes);
        }
        return new Poll(outcomes, read ? 0 : 1);
    }

    private java.util.List<Long> safeStores() {
        try {
            return mailboxes.readableStores();
        } catch (RuntimeException e) {
            log.warn("Cannot list the mailboxes to read: {}", e.toString());
            return java.util.List.of();
        }
    }

    /** @return false when the mailbox could not be read */
    private boolean pollStore(long storeId, Map<InboundRouter.Outcome, Integer> outcomes) {
        try {
            if (!mailboxes.lease(storeId, lease)) {
                return true; // another node is reading it
            }
        } catch (RuntimeException e) {
            log.warn("Cannot take the mailbox of store {}: {}", storeId, e.toString());
            return false;
        }
        String error = null;
        try {
            Mailboxes.ImapAccount account = mailboxes.account(storeId).orElseThrow();
            Mailboxes.Position position = mailboxes.position(storeId);
            imap.read(account, position.uidValidity(), position.lastUid(),
                    validity -> mailboxes.restartAt(storeId, validity),
                    clock.instant().minus(firstReadMaxAge), batch,
                    (uid, raw) -> {
                        long validity = mailboxes.position(storeId).uidValidity();
                        if (raw == null) {
                            mailboxes.advance(storeId, validity, uid); // older than the mailbox's connection
                            return;
                        }
                        InboundRouter.Outcome outcome = file(storeId, validity, uid, raw);
                        outcomes.merge(outcome, 1, Integer::sum);
                    });
        } catch (Exception | StackOverflowError e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            log.warn("Cannot read the mailbox of store {}: {}", storeId, error);
        } finally {
            try {
                mailboxes.release(storeId, error == null ? null : error.length() > 500 ? error.substring(0, 500) : error);
            } catch (RuntimeException e) {
                log.warn("Cannot release the mailbox of store {}: {}", storeId, e.toString());
            }
        }
        return error == null;
    }

    /** Files one message and records its UID in one transaction; a message that cannot be filed is quarantined. */
    private InboundRouter.Outcome file(long storeId, long validity, long uid, byte[] raw) {
        try {
            return transactions.execute(status -> {
                InboundRouter.Routed routed = router.route(storeId, raw, validity, uid);
                mailboxes.advance(storeId, validity, uid);
                return routed.outcome();
            });
        } catch (RuntimeException | StackOverflowError failure) {
            log.warn("Mail UID {} of store {} could not be filed; quarantined: {}", uid, storeId, failure.toString());
            String detail = failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : ": " + failure.getMessage().replaceAll("[\\r\\n]+", " "));
            transactions.executeWithoutResult(status -> {
                quarantine.put(raw, new ParseResult.Quarantined(QuarantineReason.UNROUTABLE, detail), storeId);
                mailboxes.advance(storeId, validity, uid);
            });
            return InboundRouter.Outcome.QUARANTINED;
        }
    }
}
