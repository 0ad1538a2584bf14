package org.ruleone.campaigns;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.paper.AddressFormat;
import org.ruleone.paper.Letter;
import org.ruleone.paper.LetterFormat;
import org.ruleone.paper.Letters;
import org.ruleone.shared.Language;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign on paper: one mail-merged letter per client of its audience whose postal consent is in force and who
 * has a postal address, in the client's language, from the associate who keeps their book (or the store), with the
 * store's return address and the client's address placed for a window envelope: A4 for a DL right-window envelope,
 * US Letter for a #10 window envelope when the store is in the United States ({@link LetterFormat}).
 */
@Service
public class CampaignLetters {

    private final Audiences audiences;
    private final Campaigns campaigns;
    private final Organization organization;
    private final Letters letters;
    private final MessageSource messages;
    private final Clock clock;

    CampaignLetters(Audiences audiences, Campaigns campaigns, Organization organization, Letters letters,
                    MessageSource messages, Clock clock) {
        this.audiences = audiences;
        this.campaigns = campaigns;
        this.organization = organization;
        this.letters = letters;
        this.messages = messages;
        this.clock = clock;
    }

    /** Who would get a letter now, and who is left out for want of postal consent or address. */
    public LetterAudience audience(Campaign c) {
        return audiences.letters(c.audience(), Optional.ofNullable(c.storeId()), campaigns.zone(c.storeId()));
    }

    /** The letters as one PDF (empty of pages when nobody may get one: check {@link #audience} first). */
    @Transactional(readOnly = true)
    public byte[] render(Campaign c) {
        LetterAudience audience = audience(c);
        Map<Long, StoreSummary> stores = new HashMap<>();
        Map<Long, Optional<AssociateSummary>> keepers = new HashMap<>();
        List<Letter> pages = new ArrayList<>();
        Map<Letter, LetterFormat> formats = new java.util.IdentityHashMap<>();
        for (LetterRecipient r : audience.recipients()) {
            StoreSummary store = stores.computeIfAbsent(r.storeId(), id -> organization.store(id).orElseThrow());
            Optional<AssociateSummary> keeper = r.associateId() == null ? Optional.empty()
                    : keepers.computeIfAbsent(r.associateId(),
                    id -> organization.associate(id).filter(AssociateSummary::active));
            Letter letter = letter(c, r, store, keeper.map(AssociateSummary::name).orElse(store.name()));
            pages.add(letter);
            formats.put(letter, LetterFormat.forCountry(store.country()));
        }
        return letters.render(pages, formats::get);
    }

    private Letter letter(Campaign c, LetterRecipient r, StoreSummary store, String signature) {
        Language lang = r.language();
        Locale locale = lang.locale();
        String name = r.firstName().isBlank() ? r.lastName().strip() : r.firstName().strip();
        String greeting = name.isBlank() ? msg("campaigns.mail.greeting.anonymous", locale)
                : msg("campaigns.mail.greeting", locale, name);
        LocalDate today = LocalDate.now(clock.withZone(store.timeZone()));
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(today);
        List<String> details = new ArrayList<>();
        if (c.kind() == CampaignKind.EVENT && c.startsAt() != null) {
            DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                    .withLocale(locale).withZone(store.timeZone());
            details.add(msg("campaigns.mail.when", locale, when.format(c.startsAt())));
            if (!c.place().isBlank()) {
                details.add(msg("campaigns.mail.where", locale, c.place()));
            }
        }
        List<String> paragraphs = List.of(c.body(lang).strip().split("\\R\\s*\\R"));
        List<String> address = AddressFormat.lines(r.name(), r.address(), store.country(),
                store.language().locale());
        return new Letter(Letters.returnAddress(store.name(), store.address()), date, address, greeting,
                c.title(lang), paragraphs, details, msg("campaigns.letter.closing", locale), signature);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
