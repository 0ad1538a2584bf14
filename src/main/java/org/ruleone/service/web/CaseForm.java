package org.ruleone.service.web;

import java.util.Optional;

import org.ruleone.service.Channel;
import org.ruleone.shared.Language;
import org.springframework.validation.Errors;

/**
 * The "open a case" form: an existing client ({@code customerId}) or a new one typed on the spot, how they reached
 * the store, what it is about and what they said. A refused form comes back exactly as typed.
 */
record CaseForm(Long storeId, Long customerId, String clientQuery, String firstName, String lastName, String email,
                String phone, String channel, String subject, String message, String language) {

    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    static final String PHONE = "[0-9+()\\s./-]{3,40}";

    CaseForm {
        clientQuery = clean(clientQuery);
        firstName = clean(firstName);
        lastName = clean(lastName);
        email = clean(email);
        phone = clean(phone);
        channel = channel == null || channel.isBlank() ? Channel.IN_STORE.name() : channel;
        subject = clean(subject);
        message = message == null ? "" : message;
        language = clean(language);
    }

    static CaseForm empty() {
        return new CaseForm(null, null, "", "", "", "", "", Channel.IN_STORE.name(), "", "", "");
    }

    boolean newClient() {
        return customerId == null;
    }

    Optional<Channel> parsedChannel() {
        try {
            return Optional.of(Channel.valueOf(channel));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The case's language, or empty for "the client's". */
    Optional<Language> parsedLanguage() {
        return Language.fromCode(language);
    }

    void check(Errors errors) {
        if (newClient()) {
            if (firstName.isEmpty() && lastName.isEmpty()) {
                errors.rejectValue("lastName", "cases.validation.client");
            }
            if (firstName.length() > 100) {
                errors.rejectValue("firstName", "cases.validation.tooLong");
            }
            if (lastName.length() > 100) {
                errors.rejectValue("lastName", "cases.validation.tooLong");
            }
            if (!email.isEmpty() && (!email.matches(EMAIL) || email.length() > 200)) {
                errors.rejectValue("email", "cases.validation.email");
            }
            if (!phone.isEmpty() && !phone.matches(PHONE)) {
                errors.rejectValue("phone", "cases.validation.phone");
            }
        }
        if (parsedChannel().isEmpty()) {
            errors.rejectValue("channel", "cases.validation.channel");
        }
        if (subject.isEmpty()) {
            errors.rejectValue("subject", "cases.validation.subject");
        } else if (subject.length() > 200) {
            errors.rejectValue("subject", "cases.validation.tooLong");
        }
        if (message.length() > 20_000) {
            errors.rejectValue("message", "cases.validation.tooLong");
        }
        if (!language.isEmpty() && parsedLanguage().isEmpty()) {
            errors.rejectValue("language", "cases.validation.language");
        }
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
