package org.ruleone.standards;

import org.ruleone.service.Channel;

/** First response and resolution allowed for one channel of a store, in business minutes. */
public record ChannelStandard(Channel channel, int firstResponseMinutes, int resolutionMinutes) {

    public static final int MAX_FIRST_RESPONSE = 100_000;
    public static final int MAX_RESOLUTION = 1_000_000;

    public ChannelStandard {
        if (firstResponseMinutes < 1 || firstResponseMinutes > MAX_FIRST_RESPONSE) {
            throw new IllegalArgumentException("First response must be 1 to " + MAX_FIRST_RESPONSE + " minutes");
        }
        if (resolutionMinutes < 1 || resolutionMinutes > MAX_RESOLUTION) {
            throw new IllegalArgumentException("Resolution must be 1 to " + MAX_RESOLUTION + " minutes");
        }
    }

    /** What a store that never set its standards promises. */
    public static ChannelStandard defaultFor(Channel channel) {
        return switch (channel) {
            case IN_STORE -> new ChannelStandard(channel, 10, 4 * 60);
            case PHONE -> new ChannelStandard(channel, 30, 8 * 60);
            case EMAIL, WEB_FORM -> new ChannelStandard(channel, 4 * 60, 16 * 60);
            // "Contact within 1 business day" (issue 11): a day of a store open 8 hours, counted in opening hours.
            case SURVEY -> new ChannelStandard(channel, 8 * 60, 3 * 8 * 60);
        };
    }
}
