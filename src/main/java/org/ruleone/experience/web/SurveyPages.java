package org.ruleone.experience.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ruleone.experience.SurveyAnswers;
import org.ruleone.experience.SurveyReply;
import org.ruleone.experience.SurveyWording;
import org.ruleone.shared.Language;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.springframework.web.util.WebUtils;

/** What the invitation's page and the store's page share: the questions, the language, the closing pages. */
final class SurveyPages {

    private SurveyPages() {
    }

    /** The answers as typed (or kept), shown back in the form. */
    record Typed(String comeBack, String satisfaction, String comment, String email) {

        static Typed of(SurveyAnswers.Survey survey) {
            return new Typed(survey.comeBack() == null ? null : survey.comeBack().toString(),
                    survey.satisfaction() == null ? null : survey.satisfaction().toString(), survey.comment(), null);
        }

        static Typed empty() {
            return new Typed(null, null, null, null);
        }
    }

    /** Where the form posts, the store it is shown for, and whether it is the store's own page (QR poster). */
    record Form(String action, long storeId, String storeName, boolean storePage) {
    }

    /** The survey form with what was typed (or kept) and the problems found in it. */
    static String form(Model model, Form form, Typed typed, List<String> problems, boolean saved) {
        model.addAttribute("action", form.action());
        model.addAttribute("storeId", form.storeId());
        model.addAttribute("storeName", form.storeName());
        model.addAttribute("storePage", form.storePage());
        model.addAttribute("typed", typed);
        model.addAttribute("problems", problems);
        model.addAttribute("saved", saved);
        return "experience/survey";
    }

    static void questions(Model model, SurveyWording wording, String storeName, boolean aboutHelp) {
        model.addAttribute("maxComment", SurveyReply.MAX_COMMENT);
        model.addAttribute("comeBackQuestion", wording.comeBackFor(storeName));
        model.addAttribute("satisfactionQuestion", aboutHelp ? wording.satisfactionHelp() : wording.satisfactionVisit());
        model.addAttribute("commentPrompt", wording.commentPrompt());
    }

    /**
     * Speaks the survey's language on arrival; a language picked in this visit (the header's switcher, or
     * {@code ?lang=}) stays.
     *
     * @return the language the page is shown in
     */
    static Locale speak(Language surveyLanguage, Locale current, HttpServletRequest request,
                        HttpServletResponse response, LocaleResolver locales) {
        boolean chosen = request.getParameter("lang") != null
                || WebUtils.getSessionAttribute(request, SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME) != null;
        if (chosen) {
            return current;
        }
        locales.setLocale(request, response, surveyLanguage.locale());
        return surveyLanguage.locale();
    }

    /** A page that closes the survey: thanks, expired, invalid, another store's, too many answers. */
    static String done(String what, HttpStatus status, HttpServletResponse response, Model model) {
        model.addAttribute("maxComment", SurveyReply.MAX_COMMENT);
        response.setStatus(status.value());
        model.addAttribute("done", what);
        return "experience/survey-done";
    }

    static Optional<Long> storeId(String typed) {
        try {
            return typed == null ? Optional.empty() : Optional.of(Long.parseLong(typed.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
