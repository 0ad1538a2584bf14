package org.ruleone.campaigns.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ruleone.clienteling.Segment;
import org.ruleone.campaigns.AudienceFilter;
import org.ruleone.campaigns.CampaignDraft;
import org.ruleone.campaigns.CampaignKind;
import org.ruleone.shared.Language;

/** The campaign form as typed: every field a string, so nothing is lost when something needs fixing. */
record CampaignForm(String kind, String storeId, String titleEn, String titleFr, String titlePl, String bodyEn,
                    String bodyFr, String bodyPl, String place, String startsAt, String endsAt, String tags,
                    String lastFrom, String lastTo, String spendMin, String spendMax, List<String> languages,
                    List<String> segments, String followDays) {

    CampaignForm {
        kind = kind == null ? "EVENT" : kind;
        storeId = text(storeId);
        titleEn = text(titleEn);
        titleFr = text(titleFr);
        titlePl = text(titlePl);
        bodyEn = text(bodyEn);
        bodyFr = text(bodyFr);
        bodyPl = text(bodyPl);
        place = text(place);
        startsAt = text(startsAt);
        endsAt = text(endsAt);
        tags = text(tags);
        lastFrom = text(lastFrom);
        lastTo = text(lastTo);
        spendMin = text(spendMin);
        spendMax = text(spendMax);
        languages = languages == null ? List.of() : List.copyOf(languages);
        segments = segments == null ? List.of() : List.copyOf(segments);
        followDays = followDays == null ? "30" : followDays;
    }

    /** An empty form for a campaign of {@code storeId}, or of every store when it is null. */
    static CampaignForm forStore(Long storeId) {
        return new CampaignForm(null, storeId == null ? "" : String.valueOf(storeId), null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Field name to message key of what is wrong with it; empty when the form is good. */
    public Map<String, String> problems(boolean forAudienceOnly) {
        Map<String, String> p = new LinkedHashMap<>();
        date(lastFrom, "lastFrom", p);
        date(lastTo, "lastTo", p);
        money(spendMin, "spendMin", p);
        money(spendMax, "spendMax", p);
        if (p.isEmpty() && !blank(spendMin) && !blank(spendMax)
                && new BigDecimal(norm(spendMin)).compareTo(new BigDecimal(norm(spendMax))) > 0) {
            p.put("spendMax", "campaigns.form.error.range");
        }
        if (forAudienceOnly) {
            return p;
        }
        if (blank(titleEn) && blank(titleFr) && blank(titlePl)) {
            p.put("titleEn", "campaigns.form.error.title");
        }
        if (!"EVENT".equals(kind) && !"SALE".equals(kind)) {
            p.put("kind", "campaigns.form.error.kind");
        }
        LocalDateTime s = dateTime(startsAt, "startsAt", p);
        LocalDateTime e = dateTime(endsAt, "endsAt", p);
        if ("EVENT".equals(kind) && blank(startsAt) && !p.containsKey("startsAt")) {
            p.put("startsAt", "campaigns.form.error.start");
        }
        if (s != null && e != null && !e.isAfter(s)) {
            p.put("endsAt", "campaigns.form.error.end");
        }
        try {
            int d = Integer.parseInt(followDays.strip());
            if (d < 1 || d > 365) {
                p.put("followDays", "campaigns.form.error.followDays");
            }
        } catch (NumberFormatException ex) {
            p.put("followDays", "campaigns.form.error.followDays");
        }
        return p;
    }

    public Long store() {
        return blank(storeId) ? null : Long.valueOf(storeId.strip());
    }

    public AudienceFilter audience() {
        Set<Language> langs = new HashSet<>();
        for (String l : languages) {
            Language.fromCode(l).ifPresent(langs::add);
        }
        Set<Segment> segmentSet = new HashSet<>();
        for (String name : segments) {
            for (Segment segment : Segment.values()) {
                if (segment.name().equals(name)) {
                    segmentSet.add(segment);
                }
            }
        }
        List<String> tagList = Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        return new AudienceFilter(store(), tagList, blank(lastFrom) ? null : LocalDate.parse(lastFrom.strip()),
                blank(lastTo) ? null : LocalDate.parse(lastTo.strip()),
                blank(spendMin) ? null : new BigDecimal(norm(spendMin)),
                blank(spendMax) ? null : new BigDecimal(norm(spendMax)), langs, segmentSet);
    }

    public CampaignDraft draft(ZoneId zone) {
        Map<Language, String> titles = new EnumMap<>(Language.class);
        titles.put(Language.EN, titleEn);
        titles.put(Language.FR, titleFr);
        titles.put(Language.PL, titlePl);
        Map<Language, String> bodies = new EnumMap<>(Language.class);
        bodies.put(Language.EN, bodyEn);
        bodies.put(Language.FR, bodyFr);
        bodies.put(Language.PL, bodyPl);
        return new CampaignDraft(CampaignKind.valueOf(kind), store(), titles, bodies, place,
                blank(startsAt) ? null : LocalDateTime.parse(startsAt.strip()).atZone(zone).toInstant(),
                blank(endsAt) ? null : LocalDateTime.parse(endsAt.strip()).atZone(zone).toInstant(),
                audience(), Integer.parseInt(followDays.strip()));
    }

    private static void date(String v, String field, Map<String, String> p) {
        if (!blank(v)) {
            try {
                LocalDate.parse(v.strip());
            } catch (DateTimeParseException e) {
                p.put(field, "campaigns.form.error.date");
            }
        }
    }

    private static LocalDateTime dateTime(String v, String field, Map<String, String> p) {
        if (blank(v)) {
            return null;
        }
        try {
            return LocalDateTime.parse(v.strip());
        } catch (DateTimeParseException e) {
            p.put(field, "campaigns.form.error.dateTime");
            return null;
        }
    }

    private static void money(String v, String field, Map<String, String> p) {
        if (!blank(v)) {
            try {
                if (new BigDecimal(norm(v)).signum() < 0) {
                    p.put(field, "campaigns.form.error.money");
                }
            } catch (NumberFormatException e) {
                p.put(field, "campaigns.form.error.money");
            }
        }
    }

    private static String norm(String v) {
        return v.strip().replace(" ", "").replace(',', '.');
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }

    private static String text(String v) {
        return v == null ? "" : v;
    }
}
