package org.ruleone.campaigns.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
public class CampaignForm {

    private String kind = "EVENT";
    private String storeId = "";
    private String titleEn = "";
    private String titleFr = "";
    private String titlePl = "";
    private String bodyEn = "";
    private String bodyFr = "";
    private String bodyPl = "";
    private String place = "";
    private String startsAt = "";
    private String endsAt = "";
    private String tags = "";
    private String lastFrom = "";
    private String lastTo = "";
    private String spendMin = "";
    private String spendMax = "";
    private List<String> languages = new ArrayList<>();
    private List<String> segments = new ArrayList<>();
    private String followDays = "30";

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

    public String getKind() { return kind; }
    public void setKind(String v) { kind = v == null ? "" : v; }
    public String getStoreId() { return storeId; }
    public void setStoreId(String v) { storeId = v == null ? "" : v; }
    public String getTitleEn() { return titleEn; }
    public void setTitleEn(String v) { titleEn = v == null ? "" : v; }
    public String getTitleFr() { return titleFr; }
    public void setTitleFr(String v) { titleFr = v == null ? "" : v; }
    public String getTitlePl() { return titlePl; }
    public void setTitlePl(String v) { titlePl = v == null ? "" : v; }
    public String getBodyEn() { return bodyEn; }
    public void setBodyEn(String v) { bodyEn = v == null ? "" : v; }
    public String getBodyFr() { return bodyFr; }
    public void setBodyFr(String v) { bodyFr = v == null ? "" : v; }
    public String getBodyPl() { return bodyPl; }
    public void setBodyPl(String v) { bodyPl = v == null ? "" : v; }
    public String getPlace() { return place; }
    public void setPlace(String v) { place = v == null ? "" : v; }
    public String getStartsAt() { return startsAt; }
    public void setStartsAt(String v) { startsAt = v == null ? "" : v; }
    public String getEndsAt() { return endsAt; }
    public void setEndsAt(String v) { endsAt = v == null ? "" : v; }
    public String getTags() { return tags; }
    public void setTags(String v) { tags = v == null ? "" : v; }
    public String getLastFrom() { return lastFrom; }
    public void setLastFrom(String v) { lastFrom = v == null ? "" : v; }
    public String getLastTo() { return lastTo; }
    public void setLastTo(String v) { lastTo = v == null ? "" : v; }
    public String getSpendMin() { return spendMin; }
    public void setSpendMin(String v) { spendMin = v == null ? "" : v; }
    public String getSpendMax() { return spendMax; }
    public void setSpendMax(String v) { spendMax = v == null ? "" : v; }
    public List<String> getLanguages() { return languages; }
    public void setLanguages(List<String> v) { languages = v == null ? new ArrayList<>() : v; }
    public List<String> getSegments() { return segments; }
    public void setSegments(List<String> v) { segments = v == null ? new ArrayList<>() : v; }
    public String getFollowDays() { return followDays; }
    public void setFollowDays(String v) { followDays = v == null ? "" : v; }
}
