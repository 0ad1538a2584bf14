package org.ruleone.standards;

import java.util.Arrays;
import java.util.List;

import org.ruleone.service.Channel;

/** A store's service standards: the ring by which the phone is answered and one standard per channel. */
public record StoreStandards(long storeId, int maxRings, List<ChannelStandard> channels) {

    public static final int DEFAULT_MAX_RINGS = 2;
    public static final int MAX_RINGS_LIMIT = 20;

    public StoreStandards {
        if (maxRings < 1 || maxRings > MAX_RINGS_LIMIT) {
            throw new IllegalArgumentException("The phone is answered by ring 1 to " + MAX_RINGS_LIMIT);
        }
        channels = List.copyOf(channels);
    }

    public static StoreStandards defaults(long storeId) {
        return new StoreStandards(storeId, DEFAULT_MAX_RINGS,
                Arrays.stream(Channel.values()).map(ChannelStandard::defaultFor).toList());
    }

    public ChannelStandard forChannel(Channel channel) {
        return channels.stream().filter(c -> c.channel() == channel).findFirst()
                .orElseGet(() -> ChannelStandard.defaultFor(channel));
    }
}
