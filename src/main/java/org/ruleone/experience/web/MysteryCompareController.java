package org.ruleone.experience.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ruleone.experience.MysteryVisitStatus;
import org.ruleone.experience.internal.MysteryResults;
import org.ruleone.experience.internal.MysteryResults.ItemFigure;
import org.ruleone.experience.internal.MysteryResults.ItemWords;
import org.ruleone.experience.internal.MysteryResults.Slice;
import org.ruleone.experience.internal.MysteryResults.Visit;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.Formats;
import org.ruleone.shared.Language;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Compare experiences at {@code /experience/mystery/compare} (ADR 0102): each item's share earned in our stores'
 * accepted visits beside its result in each accepted visit to another business (a bank, a hotel...), with the
 * shoppers' comments and what stood out. The items both sides answered come first. A manager sees their store's
 * visits, including those to other businesses their store commissioned; the owner every store or one.
 */
@Controller
@PreAuthorize("hasAnyRole('OWNER','MANAGER')")
class MysteryCompareController {

    /** The most recent visits to other businesses shown side by side: more would not fit a screen. */
    static final int BUSINESSES_SHOWN = 12;

    private final MysteryResults results;
    private final MysteryResultsPages pages;
    private final Organization organization;

    MysteryCompareController(MysteryResults results, MysteryResultsPages pages, Organization organization) {
        this.results = results;
        this.pages = pages;
        this.organization = organization;
    }

    /** A visit to another business, as a column: what, where, when, and what stood out. */
    record BusinessView(long visitId, String name, String kind, String visited, String store, String score,
                        String stoodOut) {
    }

    /** One business's result for an item, with the shopper's comment; {@code answered} false if it was not asked. */
    record ResultView(boolean answered, String answer, String outcome, String comment) {
    }

    /** An item: our stores' share and count, and each business's result in the columns' order. */
    record RowView(String key, String text, String ours, long oursAnswered, List<ResultView> results) {
    }

    @GetMapping("/experience/mystery/compare")
    String page(@ModelAttribute MysteryResultsController.ResultsForm form,
                @AuthenticationPrincipal SignedInAssociate me, Model model, Locale locale) {
        Slice slice = pages.slice(form.store(), form.from(), form.to(), me);
        MysteryResultsPages.Stores stores = pages.stores();
        Formats fmt = Formats.of(locale);
        Language language = Language.of(locale);
        List<Visit> businesses = results.visits(slice, List.of(MysteryVisitStatus.ACCEPTED), Optional.of(false),
                BUSINESSES_SHOWN);
        Map<Long, List<MysteryResults.Answer>> answers = results.answers(businesses.stream().map(Visit::id).toList());
        Map<String, ItemFigure> ours = new HashMap<>();
        results.items(slice, true).forEach(f -> ours.put(f.key(), f));
        Set<String> theirs = new LinkedHashSet<>();
        answers.values().forEach(list -> list.forEach(a -> theirs.add(a.item().key())));
        Set<String> keys = new LinkedHashSet<>(ours.keySet());
        keys.addAll(theirs);
        Map<String, ItemWords> words = results.words(keys);
        Comparator<String> checklistOrder = Comparator
                .comparing((String k) -> Optional.ofNullable(words.get(k)).map(ItemWords::sectionPosition).orElse(0))
                .thenComparing(k -> Optional.ofNullable(words.get(k)).map(ItemWords::position).orElse(0))
                .thenComparing(k -> k);
        List<RowView> shared = new ArrayList<>();
        List<RowView> others = new ArrayList<>();
        keys.stream().sorted(checklistOrder).forEach(key -> {
            RowView row = row(key, words.get(key), ours.get(key), businesses, answers, language, locale);
            (ours.containsKey(key) && theirs.contains(key) ? shared : others).add(row);
        });
        model.addAttribute("businesses", businesses.stream().map(v -> new BusinessView(v.id(), v.businessName(),
                pages.kind(v.targetKind(), locale),
                v.visitedAt() == null ? "" : fmt.date(v.visitedAt(), stores.zone(v.storeId())),
                stores.name(v.storeId()),
                MysteryResultsPages.percent(Optional.ofNullable(v.score()), locale), v.stoodOut())).toList());
        model.addAttribute("shared", shared);
        model.addAttribute("others", others);
        model.addAttribute("stores", organization.storesVisibleTo(me));
        model.addAttribute("selectedStore", form.store());
        model.addAttribute("from", slice.from());
        model.addAttribute("to", slice.to());
        return "experience/mystery-compare";
    }

    private RowView row(String key, ItemWords words, ItemFigure ours, List<Visit> businesses,
                        Map<Long, List<MysteryResults.Answer>> answers, Language language, Locale locale) {
        List<ResultView> columns = new ArrayList<>();
        for (Visit v : businesses) {
            columns.add(answers.getOrDefault(v.id(), List.of()).stream().filter(a -> a.item().key().equals(key))
                    .findFirst()
                    .map(a -> new ResultView(true, pages.answer(a.item(), a.answer(), locale),
                            a.result().outcome().name(), a.answer().comment()))
                    .orElse(new ResultView(false, "—", "", "")));
        }
        return new RowView(key, words == null ? key : words.text(language),
                ours == null ? "—" : MysteryResultsPages.percent(ours.percent(), locale),
                ours == null ? 0 : ours.answered(), columns);
    }
}
