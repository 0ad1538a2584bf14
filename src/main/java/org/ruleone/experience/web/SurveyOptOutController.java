package org.ruleone.experience.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ruleone.experience.internal.SurveyOptOuts;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The opt-out from surveys a client reaches from a survey mail, without signing in: a page with one button, and the
 * one-click POST of RFC 8058 that mail programs send (under {@code /public/unsubscribe/}, where no CSRF token is
 * asked: the signed link stands for it). Shown in the client's language unless they pick another.
 */
@Controller
@RequestMapping("/public/unsubscribe/surveys")
class SurveyOptOutController {

    private final SurveyOptOuts optOuts;
    private final LocaleResolver locales;

    SurveyOptOutController(SurveyOptOuts optOuts, LocaleResolver locales) {
        this.optOuts = optOuts;
        this.locales = locales;
    }

    @GetMapping("/{token}")
    String page(@PathVariable String token, @RequestParam(name = "lang", required = false) String lang,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<SurveyOptOuts.Addressee> who = optOuts.link(token);
        if (who.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "experience/opt-out-invalid";
        }
        if (lang == null) {
            locales.setLocale(request, response, who.get().language().locale());
        }
        model.addAttribute("who", who.get());
        model.addAttribute("token", token);
        return "experience/opt-out";
    }

    /** The page's button and a mail program's one-click POST both land here; the mail program gets a plain 200. */
    @PostMapping("/{token}")
    Object optOut(@PathVariable String token,
                  @RequestParam(name = "List-Unsubscribe", required = false) String oneClick,
                  HttpServletResponse response, Model model) {
        boolean isOneClick = "One-Click".equals(oneClick);
        boolean ok = optOuts.optOut(token, isOneClick ? SurveyOptOuts.Way.ONE_CLICK : SurveyOptOuts.Way.PAGE);
        if (isOneClick) {
            return ok ? ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("unsubscribed\n")
                    : ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("unknown link\n");
        }
        if (!ok) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "experience/opt-out-invalid";
        }
        model.addAttribute("who", optOuts.link(token).orElseThrow());
        model.addAttribute("token", token);
        model.addAttribute("done", true);
        return "experience/opt-out";
    }
}
