package org.ruleone.experience.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ruleone.experience.SurveyAnswers;
import org.ruleone.experience.SurveyReply;
import org.ruleone.experience.SurveyRuleBook;
import org.ruleone.experience.SurveyWordings;
import org.ruleone.experience.internal.StorePageThrottle;
import org.ruleone.experience.internal.StoreSurveyLinks;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.shared.Language;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A store's own survey page, reached from the QR poster without signing in (ADR 0095): not single-use, so each
 * address may send a few answers an hour, a field people never see catches the robots that fill every field, and
 * an answer is anonymous unless the customer types their e-mail (then they are found in, or added to, the book).
 * A store whose rules switched "in store" off shows that its survey has closed.
 */
@Controller
@RequestMapping("/survey/store")
class StorePageController {

    /** The field a person never sees; only a robot fills it in. */
    static final String HONEYPOT = "website";
    private static final int MAX_EMAIL = 320;
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final StoreSurveyLinks links;
    private final StorePageThrottle throttle;
    private final SurveyAnswers answers;
    private final SurveyWordings wordings;
    private final Organization organization;
    private final SurveyRuleBook rules;
    private final LocaleResolver locales;

    StorePageController(StoreSurveyLinks links, StorePageThrottle throttle, SurveyAnswers answers,
                        SurveyWordings wordings, Organization organization, SurveyRuleBook rules,
                        LocaleResolver locales) {
        this.links = links;
        this.throttle = throttle;
        this.answers = answers;
        this.wordings = wordings;
        this.organization = organization;
        this.rules = rules;
        this.locales = locales;
    }

    @GetMapping("/{link}")
    String page(@PathVariable String link, HttpServletRequest request, HttpServletResponse response, Model model,
                Locale locale) {
        Optional<StoreSummary> store = links.storeOf(link).flatMap(organization::store);
        if (store.isEmpty()) {
            return SurveyPages.done("invalid", HttpStatus.NOT_FOUND, response, model);
        }
        Locale shown = SurveyPages.speak(store.get().language(), locale, request, response, locales);
        if (!rules.of(store.get().id()).inStore()) {
            return SurveyPages.done("expired", HttpStatus.GONE, response, model);
        }
        return form(link, store.get(), SurveyPages.Typed.empty(), List.of(), Language.of(shown), model);
    }

    @GetMapping("/{link}/thanks")
    String thanks(@PathVariable String link, HttpServletResponse response, Model model) {
        return links.storeOf(link).isEmpty() ? SurveyPages.done("invalid", HttpStatus.NOT_FOUND, response, model)
                : SurveyPages.done("thanks", HttpStatus.OK, response, model);
    }

    @PostMapping("/{link}")
    String answer(@PathVariable String link, @RequestParam(required = false) String comeBack,
                  @RequestParam(required = false) String satisfaction, @RequestParam(required = false) String comment,
                  @RequestParam(required = false) String email, @RequestParam(required = false) String store,
                  @RequestParam(name = HONEYPOT, required = false) String honeypot,
                  HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        Optional<StoreSummary> signedFor = links.storeOf(link).flatMap(organization::store);
        if (signedFor.isEmpty()) {
            return SurveyPages.done("invalid", HttpStatus.NOT_FOUND, response, model);
        }
        if (store != null && SurveyPages.storeId(store).filter(s -> s == signedFor.get().id()).isEmpty()) {
            return SurveyPages.done("otherStore", HttpStatus.BAD_REQUEST, response, model);
        }
        if (!rules.of(signedFor.get().id()).inStore()) {
            return SurveyPages.done("expired", HttpStatus.GONE, response, model);
        }
        if (!throttle.tryAnswer(request.getRemoteAddr())) {
            return SurveyPages.done("tooMany", HttpStatus.TOO_MANY_REQUESTS, response, model);
        }
        if (honeypot != null && !honeypot.isEmpty()) {
            // A robot: it is thanked like anyone, and nothing it sent is kept.
            return "redirect:/survey/store/" + link + "/thanks";
        }
        SurveyReply.Read read = SurveyReply.read(comeBack, satisfaction, comment);
        List<String> problems = new ArrayList<>(read.problems());
        String typedEmail = email == null ? "" : email.strip();
        if (!typedEmail.isEmpty() && (typedEmail.length() > MAX_EMAIL || !EMAIL.matcher(typedEmail).matches())) {
            problems.add("experience.survey.error.email");
        }
        if (problems.isEmpty() && read.reply().isEmpty()) {
            problems.add("experience.survey.error.nothing");
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(link, signedFor.get(), new SurveyPages.Typed(comeBack, satisfaction, comment, email), problems,
                    Language.of(locale), model);
        }
        answers.answerInStore(signedFor.get().id(), read.reply(), typedEmail, Language.of(locale));
        return "redirect:/survey/store/" + link + "/thanks";
    }

    private String form(String link, StoreSummary store, SurveyPages.Typed typed, List<String> problems,
                        Language shown, Model model) {
        SurveyPages.questions(model, wordings.current(shown), store.name(), false);
        return SurveyPages.form(model, new SurveyPages.Form("/survey/store/" + link, store.id(), store.name(), true),
                typed, problems, false);
    }
}
