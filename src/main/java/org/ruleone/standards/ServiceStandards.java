package org.ruleone.standards;

import java.util.ArrayList;
import java.util.List;

import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.service.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The standards each store sets, and the business calendar they are counted in. */
@Service
public class ServiceStandards {

    private final JdbcClient jdbc;
    private final Organization organization;

    ServiceStandards(JdbcClient jdbc, Organization organization) {
        this.jdbc = jdbc;
        this.organization = organization;
    }

    /** The store's standards, with the defaults for what it never set. */
    public StoreStandards of(long storeId) {
        int rings = jdbc.sql("select max_rings from phone_standard where store_id = :store").param("store", storeId)
                .query(Integer.class).optional().orElse(StoreStandards.DEFAULT_MAX_RINGS);
        List<ChannelStandard> set = jdbc.sql("""
                select channel, first_response_minutes, resolution_minutes from service_standard
                 where store_id = :store
                """)
                .param("store", storeId)
                .query((rs, n) -> new ChannelStandard(Channel.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3)))
                .list();
        List<ChannelStandard> all = new ArrayList<>();
        for (Channel c : Channel.values()) {
            all.add(set.stream().filter(s -> s.channel() == c).findFirst().orElseGet(() -> ChannelStandard.defaultFor(c)));
        }
        return new StoreStandards(storeId, rings, all);
    }

    /** The store's standard for one channel (the default when it never set one), in one statement. */
    public ChannelStandard forChannel(long storeId, Channel channel) {
        return jdbc.sql("""
                select first_response_minutes, resolution_minutes from service_standard
                 where store_id = :store and channel = :channel
                """)
                .param("store", storeId).param("channel", channel.name())
                .query((rs, n) -> new ChannelStandard(channel, rs.getInt(1), rs.getInt(2)))
                .optional().orElseGet(() -> ChannelStandard.defaultFor(channel));
    }

    /** Replaces the store's standards; cases already open keep the due times they were given. */
    @Transactional
    public void save(StoreStandards standards) {
        long store = standards.storeId();
        jdbc.sql("""
                insert into phone_standard (store_id, max_rings) values (:store, :rings)
                on conflict (store_id) do update set max_rings = excluded.max_rings
                """).param("store", store).param("rings", standards.maxRings()).update();
        for (ChannelStandard c : standards.channels()) {
            jdbc.sql("""
                    insert into service_standard (store_id, channel, first_response_minutes, resolution_minutes)
                    values (:store, :channel, :first, :resolution)
                    on conflict (store_id, channel) do update
                       set first_response_minutes = excluded.first_response_minutes,
                           resolution_minutes = excluded.resolution_minutes
                    """)
                    .param("store", store).param("channel", c.channel().name())
                    .param("first", c.firstResponseMinutes()).param("resolution", c.resolutionMinutes())
                    .update();
        }
    }

    /** The store's opening hours in its time zone; every hour counts when it has none (or is unknown). */
    public BusinessCalendar calendarOf(long storeId) {
        return organization.openingHours(storeId)
                .map(h -> new BusinessCalendar(h.timeZone(), h.hours()))
                .orElseGet(() -> BusinessCalendar.alwaysOpen(java.time.ZoneOffset.UTC));
    }

    public java.util.Optional<StoreSummary> store(long storeId) {
        return organization.store(storeId);
    }
}
