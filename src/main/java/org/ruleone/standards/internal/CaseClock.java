package org.ruleone.standards.internal;

import java.time.Duration;
import java.time.Instant;

import org.ruleone.service.Channel;
import org.ruleone.standards.BusinessCalendar;
import org.ruleone.standards.Standard;

/** One case's due times and what became of them. */
public record CaseClock(long caseId, long storeId, long customerId, Channel channel, Long ownerId, Instant openedAt,
                        int firstResponseAllowed, Instant firstResponseDue, Instant firstResponseAt,
                        Long firstResponderId, Instant resolutionStartedAt, int resolutionAllowed,
                        Instant resolutionDue, Instant resolvedAt, Long resolverId, Instant waitingSince) {

    /** Where one due time stands at a moment. */
    public enum State { MET, BREACHED, AT_RISK, RUNNING, PAUSED }

    /** Share of the allowed time left under which a due time is at risk. */
    public static final double AT_RISK_SHARE = 0.25;

    public State firstResponse(Instant now, BusinessCalendar calendar) {
        return state(firstResponseDue, firstResponseAt, firstResponseAllowed, false, now, calendar);
    }

    public State resolution(Instant now, BusinessCalendar calendar) {
        return state(resolutionDue, resolvedAt, resolutionAllowed, waitingSince != null, now, calendar);
    }

    public State state(Standard standard, Instant now, BusinessCalendar calendar) {
        return standard == Standard.FIRST_RESPONSE ? firstResponse(now, calendar) : resolution(now, calendar);
    }

    public Instant due(Standard standard) {
        return standard == Standard.FIRST_RESPONSE ? firstResponseDue : resolutionDue;
    }

    public Instant done(Standard standard) {
        return standard == Standard.FIRST_RESPONSE ? firstResponseAt : resolvedAt;
    }

    /** Who answers for the standard: whoever met or missed it, else the case's owner. */
    public Long associateFor(Standard standard) {
        Long who = standard == Standard.FIRST_RESPONSE ? firstResponderId : resolverId;
        return who != null ? who : ownerId;
    }

    private static State state(Instant due, Instant doneAt, int allowedMinutes, boolean paused, Instant now,
                               BusinessCalendar calendar) {
        if (doneAt != null) {
            return doneAt.isAfter(due) ? State.BREACHED : State.MET;
        }
        if (now.isAfter(due) && !paused) {
            return State.BREACHED;
        }
        if (paused) {
            return now.isAfter(due) ? State.BREACHED : State.PAUSED;
        }
        Duration left = calendar.between(now, due);
        return left.toSeconds() <= allowedMinutes * 60L * AT_RISK_SHARE ? State.AT_RISK : State.RUNNING;
    }
}
