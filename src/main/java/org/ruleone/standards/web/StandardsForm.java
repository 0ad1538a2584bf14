package org.ruleone.standards.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.service.Channel;
import org.ruleone.standards.ChannelStandard;
import org.ruleone.standards.StoreStandards;

/**
 * The standards form as typed: text kept as it was so a mistake loses nothing, with an error key per field.
 * Times are given in minutes or hours of business time.
 */
public record StandardsForm(String rings, List<Row> rows, Map<String, String> errors) {

    public record Row(Channel channel, String firstValue, String firstUnit, String resolutionValue,
                      String resolutionUnit) {
    }

    static StandardsForm of(StoreStandards s) {
        List<Row> rows = new ArrayList<>();
        for (Channel c : Channel.values()) {
            ChannelStandard cs = s.forChannel(c);
            rows.add(new Row(c, amount(cs.firstResponseMinutes()), unit(cs.firstResponseMinutes()),
                    amount(cs.resolutionMinutes()), unit(cs.resolutionMinutes())));
        }
        return new StandardsForm(String.valueOf(s.maxRings()), rows, Map.of());
    }

    static StandardsForm from(Map<String, String> params) {
        List<Row> rows = new ArrayList<>();
        for (Channel c : Channel.values()) {
            rows.add(new Row(c, params.getOrDefault("first." + c, "").strip(),
                    params.getOrDefault("firstUnit." + c, "MINUTES"),
                    params.getOrDefault("resolution." + c, "").strip(),
                    params.getOrDefault("resolutionUnit." + c, "HOURS")));
        }
        return new StandardsForm(params.getOrDefault("rings", "").strip(), rows, new LinkedHashMap<>());
    }

    /** The standards, or empty with {@link #errors()} filled in. */
    Optional<StoreStandards> toStandards(long storeId) {
        Integer maxRings = number(rings, 1, StoreStandards.MAX_RINGS_LIMIT, "rings", "standards.error.rings");
        List<ChannelStandard> channels = new ArrayList<>();
        for (Row r : rows) {
            Integer first = minutes(r.firstValue(), r.firstUnit(), ChannelStandard.MAX_FIRST_RESPONSE,
                    "first." + r.channel());
            Integer resolution = minutes(r.resolutionValue(), r.resolutionUnit(), ChannelStandard.MAX_RESOLUTION,
                    "resolution." + r.channel());
            if (first != null && resolution != null) {
                channels.add(new ChannelStandard(r.channel(), first, resolution));
            }
        }
        if (!errors.isEmpty() || maxRings == null) {
            return Optional.empty();
        }
        return Optional.of(new StoreStandards(storeId, maxRings, channels));
    }

    public String error(String field) {
        return errors.get(field);
    }

    private Integer minutes(String value, String unit, int max, String field) {
        int factor = "HOURS".equals(unit) ? 60 : 1;
        Integer n = number(value, 1, max / factor, field, "standards.error.time");
        return n == null ? null : n * factor;
    }

    private Integer number(String value, int min, int max, String field, String errorKey) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(field, errorKey);
        return null;
    }

    private static String amount(int minutes) {
        return String.valueOf(minutes % 60 == 0 ? minutes / 60 : minutes);
    }

    private static String unit(int minutes) {
        return minutes % 60 == 0 ? "HOURS" : "MINUTES";
    }
}
