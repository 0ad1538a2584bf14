package org.ruleone.experience.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ruleone.experience.SurveyAnswers;
import org.ruleone.experience.SurveyReply;
import org.ruleone.experience.SurveyWordings;
import org.ruleone.shared.Language;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A client's survey, reached by the link in their invitation without signing in (ADR 0093, 0095): in their
 * language unless they pick another, each answer kept as it is given (every question has its own "save" without
 * JavaScript; with htmx a change saves), so a half-done survey resumes; "send" completes it and uses the link up.
 */
@Controller
@RequestMapping("/survey")
class SurveyPageController {

    private final SurveyAnswers answers;
    private final SurveyWordings wordings;
    private final LocaleResolver locales;

    SurveyPageController(SurveyAnswers answers, SurveyWordings wordings, LocaleResolver locales) {
        this.answers = answers;
        this.wordings = wordings;
        this.locales = locales;
    }

    @GetMapping("/{token}")
    String page(@PathVariable String token, @RequestParam(required = false) String saved,
                HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        Optional<SurveyAnswers.Survey> survey = answers.survey(token);
        if (survey.isEmpty()) {
            return SurveyPages.done("invalid", HttpStatus.NOT_FOUND, response, model);
        }
        Locale shown = SurveyPages.speak(survey.get().language(), locale, request, response, locales);
        return switch (survey.get().state()) {
            case COMPLETED -> SurveyPages.done("thanks", HttpStatus.OK, response, model);
            case EXPIRED -> SurveyPages.done("expired", HttpStatus.GONE, response, model);
            case OPEN -> form(token, survey.get(), SurveyPages.Typed.of(survey.get()), List.of(), saved != null,
                    Language.of(shown), model);
        };
    }

    @PostMapping("/{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) String comeBack,
                  @RequestParam(required = false) String satisfaction, @RequestParam(required = false) String comment,
                  @RequestParam(required = false) String store, @RequestParam(defaultValue = "save") String action,
                  @RequestHeader(name = "HX-Request", required = false) String htmx,
                  HttpServletRequest request, HttpServletResponse response, Model model, Locale current) {
        Optional<SurveyAnswers.Survey> survey = answers.survey(token);
        if (survey.isEmpty()) {
            return SurveyPages.done("invalid", HttpStatus.NOT_FOUND, response, model);
        }
        Locale locale = SurveyPages.speak(survey.get().language(), current, request, response, locales);
        Optional<Long> storeShown = SurveyPages.storeId(store);
        if (store != null && storeShown.filter(s -> s == survey.get().storeId()).isEmpty()) {
            return SurveyPages.done("otherStore", HttpStatus.BAD_REQUEST, response, model);
        }
        SurveyReply.Read read = SurveyReply.read(comeBack, satisfaction, comment);
        SurveyPages.Typed typed = new SurveyPages.Typed(comeBack, satisfaction, comment, null);
        if (!read.ok()) {
            return problems(token, survey.get(), typed, read.problems(), htmx, response, model, locale);
        }
        boolean finish = "send".equals(action);
        SurveyAnswers.Outcome outcome = answers.answer(token, storeShown.orElse(null), read.reply(), finish,
                Language.of(locale));
        return switch (outcome) {
            case SAVED -> htmx != null ? status(model, "experience.survey.saved")
                    : "redirect:/survey/" + token + "?saved";
            case COMPLETED -> htmx != null ? redirectHtmx(token, response) : "redirect:/survey/" + token;
            case ALREADY_COMPLETED -> SurveyPages.done("thanks", HttpStatus.OK, response, model);
            case EXPIRED -> SurveyPages.done("expired", HttpStatus.GONE, response, model);
            case UNKNOWN -> SurveyPages.done("invalid", HttpStatus.NOT_FOUND, response, model);
            case OTHER_STORE -> SurveyPages.done("otherStore", HttpStatus.BAD_REQUEST, response, model);
            case NOTHING_ANSWERED -> problems(token, survey.get(), typed, List.of("experience.survey.error.nothing"),
                    htmx, response, model, locale);
        };
    }

    private String problems(String token, SurveyAnswers.Survey survey, SurveyPages.Typed typed, List<String> problems,
                            String htmx, HttpServletResponse response, Model model, Locale locale) {
        if (htmx != null) {
            // htmx swaps a 200 only: the message replaces the status line, nothing was kept.
            model.addAttribute("problems", problems);
            return "experience/survey :: status";
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(token, survey, typed, problems, false, Language.of(locale), model);
    }

    private String form(String token, SurveyAnswers.Survey survey, SurveyPages.Typed typed, List<String> problems,
                        boolean saved, Language shown, Model model) {
        SurveyPages.questions(model, wordings.current(shown), survey.storeName(), survey.aboutHelp());
        return SurveyPages.form(model, new SurveyPages.Form("/survey/" + token, survey.storeId(), survey.storeName(),
                false), typed, problems, saved);
    }

    private static String status(Model model, String key) {
        model.addAttribute("problems", List.of());
        model.addAttribute("statusKey", key);
        return "experience/survey :: status";
    }

    /** A completed survey leaves the form: htmx follows HX-Redirect to the thank-you page. */
    private static String redirectHtmx(String token, HttpServletResponse response) {
        response.setHeader("HX-Redirect", "/survey/" + token);
        return "experience/survey :: empty";
    }
}
