package org.ruleone.privacy.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ruleone.customers.RetentionTarget.RetentionRule;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.Formats;
import org.ruleone.privacy.Retention;
import org.ruleone.privacy.internal.RetentionSchedule;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's retention rules (ADR 0118), the preview of what the next run will touch (the same code as the run)
 * and the log of runs. Managers read it; the owner changes the rules and may run them now.
 */
@Controller
class RetentionController {

    static final int RUNS_SHOWN = 30;

    private final Retention retention;
    private final RetentionSchedule schedule;

    RetentionController(Retention retention, RetentionSchedule schedule) {
        this.retention = retention;
        this.schedule = schedule;
    }

    record RuleView(RetentionRule rule, String unit, String period) {
    }

    record PlannedView(RetentionRule rule, int period, String unit, String cutOff, long count, List<String> first) {
    }

    record RunView(String at, Map<RetentionRule, Long> touched, boolean byHand) {
    }

    @GetMapping("/privacy/retention")
    String page(@AuthenticationPrincipal SignedInAssociate me, Model model, Locale locale) {
        if (!me.isManagerOrOwner()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Formats formats = Formats.of(locale);
        ZoneId utc = ZoneId.of("UTC");
        model.addAttribute("mayEdit", me.isOwner());
        model.addAttribute("rules", retention.settings().stream()
                .map(s -> new RuleView(s.rule(), s.rule().unit().name(), s.period().map(String::valueOf).orElse("")))
                .toList());
        model.addAttribute("planned", retention.preview().stream()
                .map(p -> new PlannedView(p.rule(), p.period(), p.rule().unit().name(), formats.date(p.cutOff(), utc),
                        p.touched().count(), p.touched().first()))
                .toList());
        model.addAttribute("runs", retention.runs(RUNS_SHOWN).stream()
                .map(r -> new RunView(formats.dateTime(r.startedAt(), utc), r.touched(), r.startedBy().isPresent()))
                .toList());
        return "privacy/retention";
    }

    @PostMapping("/privacy/retention")
    String save(@RequestParam Map<String, String> form, @AuthenticationPrincipal SignedInAssociate me,
                RedirectAttributes flash) {
        owner(me);
        Map<RetentionRule, Optional<Integer>> periods = new java.util.EnumMap<>(RetentionRule.class);
        for (RetentionRule rule : RetentionRule.values()) {
            String given = form.getOrDefault("period." + rule.name(), "").strip();
            Optional<Integer> period = given.matches("\\d{1,5}") ? Optional.of(Integer.parseInt(given)) : Optional.empty();
            if (!given.isEmpty() && period.filter(p -> Retention.allowed(rule, p)).isEmpty()) {
                flash.addFlashAttribute("problem", "privacy.retention.invalid");
                return "redirect:/privacy/retention";
            }
            periods.put(rule, period);
        }
        periods.forEach((rule, period) -> retention.set(rule, period, me.id()));
        flash.addFlashAttribute("notice", "privacy.retention.saved");
        return "redirect:/privacy/retention";
    }

    @PostMapping("/privacy/retention/run")
    String runNow(@AuthenticationPrincipal SignedInAssociate me, RedirectAttributes flash) {
        owner(me);
        flash.addFlashAttribute("notice", schedule.runOnce(Optional.of(me.id())).isPresent()
                ? "privacy.retention.ran" : "privacy.retention.busy");
        return "redirect:/privacy/retention";
    }

    private static void owner(SignedInAssociate me) {
        if (!me.isOwner()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
