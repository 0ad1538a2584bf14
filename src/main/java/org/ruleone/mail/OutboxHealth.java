package org.ruleone.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Whether the outbox's mail is going out, for screens that would otherwise say "sent".
 *
 * @param serverConfigured   whether an SMTP server is configured at all
 * @param waiting            how many mails wait to be sent (queued, including those to be tried again)
 * @param oldestWait         how long the oldest waiting mail has waited, zero when none waits
 * @param trouble            what stands in the way, {@link DeliveryTrouble#NONE} when nothing does
 * @param serverSaid         the server's own words for {@link DeliveryTrouble#REFUSED}, otherwise empty
 */
public record OutboxHealth(boolean serverConfigured, long waiting, Duration oldestWait,
                           DeliveryTrouble trouble, String serverSaid) {

    /** How long mail may wait, without an error, before it counts as stuck. */
    public static final Duration STUCK_AFTER = Duration.ofMinutes(5);

    /**
     * Reads the figures: no server beats everything; otherwise the latest error of a waiting mail; otherwise a mail
     * waiting longer than {@link #STUCK_AFTER}.
     */
    static OutboxHealth of(boolean serverConfigured, long waiting, Instant oldestWaitingSince, String lastErrorKind,
                           String lastError, Instant now) {
        DeliveryTrouble trouble;
        if (!serverConfigured) {
            trouble = DeliveryTrouble.NO_SERVER;
        } else if (waiting == 0) {
            trouble = DeliveryTrouble.NONE;
        } else if (lastErrorKind != null) {
            trouble = DeliveryTrouble.valueOf(lastErrorKind);
        } else if (oldestWaitingSince != null && oldestWaitingSince.plus(STUCK_AFTER).isBefore(now)) {
            trouble = DeliveryTrouble.SLOW;
        } else {
            trouble = DeliveryTrouble.NONE;
        }
        String said = trouble == DeliveryTrouble.REFUSED && lastError != null ? plain(lastError) : "";
        Duration oldest = oldestWaitingSince == null || oldestWaitingSince.isAfter(now) ? Duration.ZERO
                : Duration.between(oldestWaitingSince, now);
        return new OutboxHealth(serverConfigured, waiting, oldest, trouble, said);
    }

    /** Whether it is true to tell a user their mail went (or goes within seconds). */
    public boolean flowing() {
        return trouble == DeliveryTrouble.NONE;
    }

    /**
     * What to tell a user instead of "sent", e.g. "3 messages waiting — no mail server configured"; empty when mail
     * is flowing. The words are the mail module's ({@code mail.waiting.*}), resolved by the screen's message source.
     */
    public Optional<MessageSourceResolvable> warning() {
        if (flowing()) {
            return Optional.empty();
        }
        return Optional.of(new DefaultMessageSourceResolvable(new String[] {"mail.waiting." + trouble.name()},
                new Object[] {waiting, serverSaid, oldestWait.toMinutes()}));
    }

    /** The server's reply without the Java exception's class name, on one line, at most 200 characters. */
    private static String plain(String error) {
        String text = error.replaceAll("\\s+", " ")
                .replaceFirst("^[A-Za-z0-9_.$]*(Exception|Error):\\s*", "")
                .replaceFirst(";? ?nested exception is:.*", "")
                .strip();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
