package org.ruleone.training.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ruleone.organization.AssociateSummary;
import org.ruleone.organization.Organization;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.Formats;
import org.ruleone.training.RoleplaySessions;
import org.ruleone.training.RoleplaySessions.SessionScore;
import org.ruleone.training.internal.Progress;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * An associate's roleplay progress at {@code /training/progress/{id}}: the sessions they played, the mean score of
 * each over time (a chart with the table under it) and the comments. Seen by themselves, a manager of their store
 * and the owner; not found for anyone else.
 */
@Controller
class ProgressController {

    private final RoleplaySessions sessions;
    private final Organization organization;
    private final Names names;
    private final MessageSource messages;
    private final JsonMapper json;

    ProgressController(RoleplaySessions sessions, Organization organization, Names names, MessageSource messages,
                       JsonMapper json) {
        this.sessions = sessions;
        this.organization = organization;
        this.names = names;
        this.messages = messages;
        this.json = json;
    }

    record Row(long sessionId, String date, String scenario, String mean, int feedbackCount) {
    }

    @GetMapping("/training/progress/{id}")
    String progress(@PathVariable long id, @AuthenticationPrincipal SignedInAssociate me, Model model,
                    Locale locale) {
        AssociateSummary associate = organization.associate(id).filter(a -> RoleplaySessions.maySeeProgress(a, me))
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        Formats fmt = Formats.of(locale);
        List<SessionScore> scores = sessions.scoresOf(id);
        List<Row> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        for (SessionScore s : scores) {
            String date = fmt.date(s.plannedOn());
            rows.add(new Row(s.sessionId(), date, s.scenarioTitle(),
                    s.mean() == null ? "–" : Progress.oneDecimal(s.mean(), fmt), s.feedbackCount()));
            labels.add(date);
            means.add(Progress.rounded(s.mean()));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", "line");
        chart.put("labels", labels);
        chart.put("datasets", List.of(Map.of("label", messages.getMessage("training.progress.mean", null, locale),
                "data", means)));
        chart.put("min", 1);
        chart.put("max", 5);
        model.addAttribute("associate", associate);
        model.addAttribute("rows", rows);
        model.addAttribute("chart", json.writeValueAsString(chart));
        model.addAttribute("comments", sessions.commentsOn(id));
        model.addAttribute("names", names.everyone());
        return "training/progress";
    }
}
