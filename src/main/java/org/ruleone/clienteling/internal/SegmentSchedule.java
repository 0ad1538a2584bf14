package org.ruleone.clienteling.internal;

import org.ruleone.clienteling.SegmentRefresh;
import org.ruleone.clienteling.Segments;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps segments current without anyone asking: soon after purchases are added, changed or deleted (an import, the
 * till API), refreshing only what that changed and what time alone moved (ADR 0125), and every night recomputing
 * every client. Every node runs these schedules; one node refreshes
 * and the others find nothing left to do ({@link Segments#refreshOnSchedule}).
 */
@Component
class SegmentSchedule {

    private final Segments segments;

    SegmentSchedule(Segments segments) {
        this.segments = segments;
    }

    @Scheduled(fixedDelayString = "${ruleone.clienteling.segments.check-every:PT5M}",
            initialDelayString = "${ruleone.clienteling.segments.first-check:PT1M}")
    void afterPurchasesChange() {
        if (segments.outOfDate()) {
            segments.refreshOnSchedule(SegmentRefresh.Reason.PURCHASES_CHANGED);
        }
    }

    @Scheduled(cron = "${ruleone.clienteling.segments.nightly:0 30 3 * * *}")
    void nightly() {
        segments.refreshOnSchedule(SegmentRefresh.Reason.SCHEDULED);
    }
}
