package org.ruleone.mailroom.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.ruleone.mailroom.internal.ContactForms;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.shared.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/** The public contact form of each store, in English, French or Polish, for people who are not signed in. */
@Controller
class ContactController {

    private static final Logger log = LoggerFactory.getLogger(ContactController.class);
    private static final String CONTROL = "[\\p{Cntrl}\\u2028\\u2029\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]";

    private final Organization organization;
    private final ContactForms forms;

    ContactController(Organization organization, ContactForms forms) {
        this.organization = organization;
        this.forms = forms;
    }

    @GetMapping("/contact/{storeId}")
    String form(@PathVariable long storeId, Model model) {
        model.addAttribute("store", store(storeId));
        model.addAttribute("form", ContactForm.empty());
        model.addAttribute("errors", Map.of());
        return "mailroom/contact";
    }

    @PostMapping("/contact/{storeId}")
    String submit(@PathVariable long storeId, @ModelAttribute("form") ContactForm form, HttpServletRequest request,
                  Locale locale, Model model) {
        StoreSummary store = store(storeId);
        if (!form.website().isEmpty()) {
            log.info("Contact form of store {}: trap field filled, nothing created", storeId);
            return "redirect:/contact/" + storeId + "/thanks";
        }
        Map<String, String> errors = validate(form);
        if (!errors.isEmpty()) {
            model.addAttribute("store", store);
            model.addAttribute("errors", errors);
            return "mailroom/contact";
        }
        ContactForms.Result result = forms.submit(new ContactForms.Submission(storeId, oneLine(form.name()),
                form.email().strip(), oneLine(form.phone()), form.message().strip(), Language.of(locale),
                request.getRemoteAddr()));
        if (result instanceof ContactForms.Result.TooMany) {
            model.addAttribute("store", store);
            model.addAttribute("errors", Map.of());
            model.addAttribute("tooMany", true);
            return "mailroom/contact";
        }
        return "redirect:/contact/" + storeId + "/thanks";
    }

    @GetMapping("/contact/{storeId}/thanks")
    String thanks(@PathVariable long storeId, Model model) {
        model.addAttribute("store", store(storeId));
        return "mailroom/contact-thanks";
    }

    static Map<String, String> validate(ContactForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = oneLine(form.name());
        if (name.isEmpty() || name.length() > 100) {
            errors.put("name", "mailroom.contact.error.name");
        }
        if (!MailroomController.validAddress(form.email().strip())) {
            errors.put("email", "mailroom.contact.error.email");
        }
        String phone = oneLine(form.phone());
        if (!phone.isEmpty() && !phone.matches("[+0-9 ().-]{4,30}")) {
            errors.put("phone", "mailroom.contact.error.phone");
        }
        String message = form.message().strip();
        if (message.isEmpty() || message.length() > 5000) {
            errors.put("message", "mailroom.contact.error.message");
        }
        return errors;
    }

    /** One line of text: CR, LF and other control characters become spaces, so no header can be injected. */
    static String oneLine(String value) {
        return value == null ? "" : value.replaceAll(CONTROL, " ").replaceAll(" {2,}", " ").strip();
    }

    private StoreSummary store(long storeId) {
        return organization.store(storeId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
