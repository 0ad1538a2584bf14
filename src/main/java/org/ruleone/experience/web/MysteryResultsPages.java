package org.ruleone.experience.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ruleone.experience.MysteryItem;
import org.ruleone.experience.MysteryItemAnswer;
import org.ruleone.experience.MysteryVisit;
import org.ruleone.experience.internal.MysteryResults;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * What the results and the comparison pages share: whose visits (a manager's store, the owner's choice), which days,
 * the stores' names and zones, and an answer or a share in words.
 */
@Component
class MysteryResultsPages {

    /** The longest period the pages read: ten years of months. */
    static final int MAX_YEARS = 10;

    private final Organization organization;
    private final MessageSource messages;

    MysteryResultsPages(Organization organization, MessageSource messages) {
        this.organization = organization;
        this.messages = messages;
    }

    /**
     * The visits asked for: a store the reader may not see (or that does not exist) is not found; none chosen is
     * the manager's store or, for the owner, every store. The period defaults to the last twelve months.
     */
    MysteryResults.Slice slice(Long store, LocalDate from, LocalDate to, SignedInAssociate me) {
        if (store != null && (!me.canSeeStore(store) || organization.store(store).isEmpty())) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        Optional<Long> scope = Optional.ofNullable(store).or(me::storeScope);
        LocalDate last = to == null ? organization.today(scope) : to;
        LocalDate first = from == null ? last.withDayOfMonth(1).minusMonths(11) : from;
        if (first.isAfter(last)) {
            LocalDate swap = first;
            first = last;
            last = swap;
        }
        if (first.isBefore(last.minusYears(MAX_YEARS))) {
            first = last.minusYears(MAX_YEARS);
        }
        return new MysteryResults.Slice(scope, first, last);
    }

    /** The stores' names and zones, read once per page. */
    record Stores(Map<Long, String> names, Map<Long, ZoneId> zones) {

        String name(long id) {
            return names.getOrDefault(id, "#" + id);
        }

        ZoneId zone(long id) {
            return zones.getOrDefault(id, ZoneOffset.UTC);
        }
    }

    Stores stores() {
        Map<Long, String> names = new HashMap<>();
        Map<Long, ZoneId> zones = new HashMap<>();
        for (StoreSummary s : organization.stores()) {
            names.put(s.id(), s.name());
            zones.put(s.id(), s.timeZone());
        }
        return new Stores(names, zones);
    }

    /** "63.2 %", "63,2 %"; a dash when there is nothing to divide. */
    static String percent(Optional<BigDecimal> value, Locale locale) {
        return value.map(v -> oneDecimal(locale).format(v.setScale(1, RoundingMode.HALF_UP)) + " %").orElse("—");
    }

    private static NumberFormat oneDecimal(Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format;
    }

    /** An answer in words, as the review shows it: "Yes", "No", "4 / 5", "3 rings", "N/A". */
    String answer(MysteryItem item, MysteryItemAnswer answer, Locale locale) {
        return MysteryViews.shown(item, answer, messages, locale);
    }

    /** Where a visit went: its department, or the other business's name and kind. */
    String where(MysteryResults.Visit v, Locale locale) {
        if (MysteryVisit.OWN_STORE.equals(v.targetKind())) {
            return v.department();
        }
        return text("experience.mystery.results.business", locale, v.businessName(), kind(v.targetKind(), locale));
    }

    String kind(String targetKind, Locale locale) {
        return text("experience.mystery.results.kind." + targetKind, locale);
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
