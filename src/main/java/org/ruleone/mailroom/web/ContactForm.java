package org.ruleone.mailroom.web;

/** What a visitor types in a store's contact form; {@code website} is a trap that only bots fill in. */
public class ContactForm {

    private String name = "";
    private String email = "";
    private String phone = "";
    private String message = "";
    private String website = "";

    public String getName() { return name; }
    public void setName(String name) { this.name = name == null ? "" : name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email == null ? "" : email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone == null ? "" : phone; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message == null ? "" : message; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website == null ? "" : website; }
}
