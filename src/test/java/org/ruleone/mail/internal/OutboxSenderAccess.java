package org.ruleone.mail.internal;

import java.time.Duration;

/** Opens the sender's retry rules to tests in other packages. */
public final class OutboxSenderAccess {

    private OutboxSenderAccess() {
    }

    public static Duration backoff(int attempts) {
        return OutboxSender.backoff(attempts);
    }

    public static boolean permanent(Throwable e) {
        return OutboxSender.permanent(e);
    }

    /** Waits until the sending woken by commits so far is over, so a test decides when mail becomes due. */
    public static void awaitWakeUps(OutboxSender sender) {
        sender.awaitWakeUps();
    }

    public static String kind(Throwable e) {
        return OutboxSender.kind(e);
    }
}
