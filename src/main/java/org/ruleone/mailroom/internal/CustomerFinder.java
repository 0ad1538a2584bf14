package org.ruleone.mailroom.internal;

import java.util.Locale;
import java.util.Optional;

import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.shared.Language;
import org.springframework.stereotype.Component;

/** Finds the store's client by e-mail address, or adds one from the name they gave. */
@Component
public class CustomerFinder {

    private final ClientBook clients;

    CustomerFinder(ClientBook clients) {
        this.clients = clients;
    }

    public record Found(long clientId, boolean created) {
    }

    public Optional<Long> byEmail(long storeId, String address) {
        String wanted = address.strip();
        return clients.search(wanted, Optional.of(storeId)).stream()
                .filter(c -> c.email() != null && c.email().strip().equalsIgnoreCase(wanted))
                .map(c -> c.id())
                .findFirst();
    }

    public Found findOrAdd(long storeId, String address, String displayName, String phone, Language language) {
        Optional<Long> known = byEmail(storeId, address);
        if (known.isPresent()) {
            return new Found(known.get(), false);
        }
        String[] name = split(displayName, address);
        long id = clients.add(new ClientDraft(storeId, null, name[0], name[1], address.strip(),
                phone == null || phone.isBlank() ? null : phone.strip(), null, language, null, null, null, null, null));
        return new Found(id, true);
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
