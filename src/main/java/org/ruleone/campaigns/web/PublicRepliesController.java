package org.ruleone.campaigns.web;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ruleone.campaigns.CampaignReplies;
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
 * The pages a client reaches from a campaign e-mail, without signing in: unsubscribe (a page with one button, and
 * the one-click POST of RFC 8058 that mail programs send) and the RSVP page. Shown in the client's language unless
 * they pick another.
 */
@Controller
@RequestMapping("/public")
class PublicRepliesController {

    private final CampaignReplies replies;
    private final LocaleResolver locales;

    PublicRepliesController(CampaignReplies replies, LocaleResolver locales) {
        this.replies = replies;
        this.locales = locales;
    }

    @GetMapping("/unsubscribe/{token}")
    String unsubscribePage(@PathVariable String token, @RequestParam(name = "lang", required = false) String lang,
                           HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<CampaignReplies.Addressee> who = replies.unsubscribeLink(token);
        if (who.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "campaigns/link-invalid";
        }
        speak(who.get().language().locale(), lang, request, response);
        model.addAttribute("who", who.get());
        model.addAttribute("token", token);
        return "campaigns/unsubscribe";
    }

    /**
     * Both the button on the page and a mail program's one-click POST ({@code List-Unsubscribe=One-Click}) land here;
     * the mail program gets a plain 200.
     */
    @PostMapping("/unsubscribe/{token}")
    Object unsubscribe(@PathVariable String token,
                       @RequestParam(name = "List-Unsubscribe", required = false) String oneClick,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
        boolean isOneClick = "One-Click".equals(oneClick);
        boolean ok = replies.unsubscribe(token, isOneClick ? CampaignReplies.Way.ONE_CLICK : CampaignReplies.Way.PAGE);
        if (isOneClick) {
            return ok ? ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("unsubscribed\n")
                    : ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("unknown link\n");
        }
        if (!ok) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "campaigns/link-invalid";
        }
        model.addAttribute("who", replies.unsubscribeLink(token).orElseThrow());
        model.addAttribute("done", true);
        model.addAttribute("token", token);
        return "campaigns/unsubscribe";
    }

    @GetMapping("/rsvp/{token}")
    String rsvpPage(@PathVariable String token, @RequestParam(name = "answer", required = false) String answer,
                    @RequestParam(name = "lang", required = false) String lang,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<CampaignReplies.Addressee> who = replies.rsvpLink(token);
        if (who.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "campaigns/link-invalid";
        }
        speak(who.get().language().locale(), lang, request, response);
        model.addAttribute("who", who.get());
        model.addAttribute("token", token);
        model.addAttribute("proposed", answer == null ? "" : answer.toUpperCase(Locale.ROOT));
        model.addAttribute("current", replies.currentRsvp(who.get().campaignId(), who.get().customerId())
                .map(Enum::name).orElse(""));
        return "campaigns/rsvp";
    }

    @PostMapping("/rsvp/{token}")
    String rsvp(@PathVariable String token, @RequestParam("answer") String answer, HttpServletResponse response,
                Model model) {
        CampaignReplies.Rsvp value;
        try {
            value = CampaignReplies.Rsvp.valueOf(answer.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            value = null;
        }
        Optional<CampaignReplies.Addressee> who = replies.rsvpLink(token);
        if (who.isEmpty() || value == null || !replies.rsvp(token, value)) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "campaigns/link-invalid";
        }
        model.addAttribute("who", who.get());
        model.addAttribute("token", token);
        model.addAttribute("proposed", "");
        model.addAttribute("current", value.name());
        model.addAttribute("done", true);
        return "campaigns/rsvp";
    }

    private void speak(Locale clientLocale, String lang, HttpServletRequest request, HttpServletResponse response) {
        if (lang == null) {
            locales.setLocale(request, response, clientLocale);
        }
    }
}
