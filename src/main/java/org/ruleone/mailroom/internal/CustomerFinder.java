package org.ruleone.mailroom.internal;

import java.util.Locale;

import org.ruleone.customers.ClientBook;
import org.ruleone.shared.Language;
import org.springframework.stereotype.Component;

/**
 * Finds the store's client by the e-mail address a mail or a contact form came from, or adds one from the name they
 * gave, through the client book's one way to do it ({@link ClientBook#findOrAdd}).
 */
@Component
public class CustomerFinder {

    private final ClientBook clients;

    CustomerFinder(ClientBook clients) {
        this.clients = clients;
    }

    public record Found(long clientId, boolean created) {
    }

    public Found findOrAdd(long storeId, String address, String displayName, String phone, Language language) {
        String[] name = split(displayName, address);
        ClientBook.FoundClient found = clients.findOrAdd(storeId, new ClientBook.Contact(address,
                phone == null || phone.isBlank() ? null : phone), name[0], name[1], language);
        return new Found(found.clientId(), found.created());
    }

    /** "Jean Dupont" → Jean / Dupont; "Dupont, Jean" → Jean / Dupont; no name → the address's local part. */
    static String[] split(String displayName, String address) {
        String name = displayName == null ? "" : displayName.replaceAll("[\\p{Cntrl}]", " ").strip();
        if (name.contains("@")) {
            name = "";
        }
        if (name.isEmpty()) {
            String local = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
            return new String[] {cut(local), ""};
        }
        int comma = name.indexOf(',');
        if (comma > 0) {
            return new String[] {cut(name.substring(comma + 1).strip()), cut(name.substring(0, comma).strip())};
        }
        int space = name.lastIndexOf(' ');
        if (space > 0) {
            return new String[] {cut(name.substring(0, space).strip()), cut(name.substring(space + 1).strip())};
        }
        return new String[] {cut(name), ""};
    }

    private static String cut(String value) {
        String v = value.strip();
        return v.length() > 100 ? v.substring(0, 100) : v;
    }

    static String lower(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
