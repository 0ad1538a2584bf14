package org.ruleone.mailroom.web;

/** What a visitor types in a store's contact form; {@code website} is a trap that only bots fill in. */
record ContactForm(String name, String email, String phone, String message, String website) {

    ContactForm {
        name = name == null ? "" : name;
        email = email == null ? "" : email;
        phone = phone == null ? "" : phone;
        message = message == null ? "" : message;
        website = website == null ? "" : website;
    }

    static ContactForm empty() {
        return new ContactForm("", "", "", "", "");
    }
}
