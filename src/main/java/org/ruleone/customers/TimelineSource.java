package org.ruleone.customers;

import java.util.List;
import java.util.Locale;

/** Implemented by modules that have something to show on a client's timeline. */
public interface TimelineSource {

    /** The newest entries first, at most {@code limit} of them. */
    List<TimelineEntry> timeline(long customerId, int limit, Locale locale);
}
