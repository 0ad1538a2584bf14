package org.ruleone.rankings.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.Formats;
import org.ruleone.rankings.Component;
import org.ruleone.rankings.Period;
import org.ruleone.rankings.Rankings;
import org.ruleone.rankings.Weights;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The weights at {@code /rankings/weights}: everyone sees those in force and their history; the owner changes them
 * on a form made for a phone, the change applying from next month.
 */
@Controller
class WeightsController {

    private final Rankings rankings;

    WeightsController(Rankings rankings) {
        this.rankings = rankings;
    }

    /** The weights as typed, kept as text so a wrong value comes back as it was typed. */
    record WeightsForm(String experience, String heroics, String mystery, String cameBack, String standards,
                       String training, String sales) {

        static WeightsForm of(Weights w) {
            return new WeightsForm(s(w, Component.EXPERIENCE), s(w, Component.HEROICS), s(w, Component.MYSTERY),
                    s(w, Component.CAME_BACK), s(w, Component.STANDARDS), s(w, Component.TRAINING),
                    s(w, Component.SALES));
        }

        private static String s(Weights w, Component c) {
            return String.valueOf(w.of(c));
        }

        Map<Component, String> typed() {
            Map<Component, String> typed = new EnumMap<>(Component.class);
            typed.put(Component.EXPERIENCE, experience);
            typed.put(Component.HEROICS, heroics);
            typed.put(Component.MYSTERY, mystery);
            typed.put(Component.CAME_BACK, cameBack);
            typed.put(Component.STANDARDS, standards);
            typed.put(Component.TRAINING, training);
            typed.put(Component.SALES, sales);
            return typed;
        }
    }

    record FieldView(String name, String key, String value) {
    }

    record ChangeView(String from, List<Integer> values, String by, String at) {
    }

    @GetMapping("/rankings/weights")
    String page(@AuthenticationPrincipal SignedInAssociate me, Model model, Locale locale) {
        return show(WeightsForm.of(rankings.currentWeights()), List.of(), me, model, locale);
    }

    @PostMapping("/rankings/weights")
    String change(@ModelAttribute WeightsForm form, @AuthenticationPrincipal SignedInAssociate me, Model model,
                  Locale locale, RedirectAttributes redirect) {
        if (!me.isOwner()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Map<Component, Integer> values = new EnumMap<>(Component.class);
        List<String> problems = new ArrayList<>();
        form.typed().forEach((c, text) -> {
            try {
                values.put(c, Integer.parseInt(text == null ? "" : text.strip()));
            } catch (NumberFormatException e) {
                if (!problems.contains("rankings.weights.problem.whole")) {
                    problems.add("rankings.weights.problem.whole");
                }
            }
        });
        if (problems.isEmpty()) {
            problems.addAll(rankings.changeWeights(new Weights(values), me));
        }
        if (!problems.isEmpty()) {
            model.addAttribute("sum", values.values().stream().mapToInt(Integer::intValue).sum());
            return show(form, problems, me, model, locale);
        }
        redirect.addFlashAttribute("saved", rankings.thisMonth().plusMonths(1).toString());
        return "redirect:/rankings/weights";
    }

    private String show(WeightsForm form, List<String> problems, SignedInAssociate me, Model model, Locale locale) {
        Formats fmt = Formats.of(locale);
        Period thisMonth = Period.month(rankings.thisMonth());
        List<FieldView> fields = new ArrayList<>();
        form.typed().forEach((c, v) -> fields.add(new FieldView(field(c), c.messageKey(), v)));
        model.addAttribute("fields", fields);
        model.addAttribute("problems", problems);
        model.addAttribute("mayEdit", me.isOwner());
        model.addAttribute("components", Component.values());
        model.addAttribute("inForce",
                java.util.Arrays.stream(Component.values()).map(rankings.weightsFor(thisMonth)::of).toList());
        model.addAttribute("thisMonth", fmt.month(thisMonth.first()));
        model.addAttribute("nextMonth", fmt.month(thisMonth.first().plusMonths(1)));
        model.addAttribute("salesAtMost", Weights.SALES_AT_MOST);
        model.addAttribute("changes", rankings.weightChanges().stream().map(ch -> new ChangeView(
                fmt.month(ch.effectiveFrom()),
                java.util.Arrays.stream(Component.values()).map(ch.weights()::of).toList(), ch.changedBy(),
                fmt.date(ch.changedAt(), java.time.ZoneOffset.UTC))).toList());
        if (model.getAttribute("saved") instanceof String saved) {
            model.addAttribute("savedFrom", fmt.month(java.time.YearMonth.parse(saved)));
        }
        return "rankings/weights";
    }

    /** The form field of a component: {@code cameBack} for CAME_BACK. */
    static String field(Component c) {
        String[] words = c.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }
}
