package org.ruleone.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;

import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.ConsentChannel;
import org.ruleone.customers.ConsentMethod;
import org.ruleone.customers.Consents;
import org.ruleone.customers.DateKind;
import org.ruleone.customers.ImportantDate;
import org.ruleone.customers.PostalAddress;
import org.ruleone.organization.AssociateDraft;
import org.ruleone.organization.BusinessHours;
import org.ruleone.organization.Organization;
import org.ruleone.organization.OwnerSetUp;
import org.ruleone.organization.Role;
import org.ruleone.organization.StoreDraft;
import org.ruleone.purchases.ColumnMapping;
import org.ruleone.purchases.PurchaseImports;
import org.ruleone.shared.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Seeds the demo once the owner exists (only with {@code ruleone.demo=true}). */
@Component
@ConditionalOnBooleanProperty("ruleone.demo")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Organization organization;
    private final ClientBook clients;
    private final Consents consents;
    private final PurchaseImports imports;
    private final Path onlineRetail;
    private final SecureRandom random = new SecureRandom();

    DemoData(Organization organization, ClientBook clients, Consents consents, PurchaseImports imports,
             @Value("${ruleone.demo.purchases-file:../shared/data/online_retail/online_retail.csv}") Path onlineRetail) {
        this.organization = organization;
        this.clients = clients;
        this.consents = consents;
        this.imports = imports;
        this.onlineRetail = onlineRetail;
    }

    @ApplicationModuleListener
    void on(OwnerSetUp event) {
        long flagship = event.storeId();
        long second = organization.createStore(new StoreDraft("Kraków Rynek", "Rynek Główny 1, 31-042 Kraków",
                "Poland", ZoneId.of("Europe/Warsaw"), Language.PL, openingHours()));
        long craig = associate("Craig Tires", "craig", Role.ASSOCIATE, flagship, LocalDate.of(2026, 11, 1), Language.EN);
        associate("Sally Boots", "sally", Role.MANAGER, flagship, LocalDate.of(2019, 3, 4), Language.EN);
        long marek = associate("Marek Żółkiewski", "marek", Role.ASSOCIATE, second, LocalDate.of(2021, 6, 14), Language.PL);
        associate("Amélie Dubois", "amelie", Role.MANAGER, second, LocalDate.of(2018, 9, 1), Language.FR);

        client(flagship, craig, "Jérôme", "Lefèvre", "jerome.lefevre@example.fr", "+33 6 12 34 56 78",
                Language.FR, List.of("shoes", "tuxedo"), "Size 43 shoes, 50 jacket");
        client(flagship, craig, "Mary", "Smith", "mary.smith@example.com", "+1 206 555 0147", Language.EN,
                List.of("boots", "handbags"), "Boots 7.5 US");
        client(second, marek, "Żaneta", "Żółkiewska", "zaneta@example.pl", "+48 601 234 567", Language.PL,
                List.of("shoes", "diamonds"), "Buty 38");
        client(second, marek, "Agnieszka", "Wiśniewska", "a.wisniewska@example.pl", "+48 502 111 222",
                Language.PL, List.of("coats"), "");

        if (Files.isReadable(onlineRetail)) {
            long id = imports.start(new PurchaseImports.Request(flagship, onlineRetail, "online_retail.csv",
                    ColumnMapping.onlineRetail(), false, event.ownerId()));
            log.info("Demo: importing {} into the first store as import #{}", onlineRetail, id);
        } else {
            log.warn("Demo: {} not found; set ruleone.demo.purchases-file to import purchases", onlineRetail);
        }
    }

    private long associate(String name, String handle, Role role, long store, LocalDate hired, Language language) {
        // No default passwords: a random one nobody knows until the owner sets a real one.
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        return organization.createAssociate(new AssociateDraft(name, handle + "@demo.example", role, store, hired,
                language), Base64.getEncoder().encodeToString(secret));
    }

    private void client(long store, long associate, String first, String last, String email, String phone,
                        Language language, List<String> tags, String sizes) {
        long id = clients.add(new ClientDraft(store, null, first, last, email, phone, PostalAddress.NONE, language,
                sizes, tags, List.of(new ImportantDate(DateKind.BIRTHDAY, "", MonthDay.of(4, 12), null)),
                "", associate));
        consents.record(id, ConsentChannel.EMAIL, true, ConsentMethod.IN_STORE, associate);
    }

    private static List<BusinessHours> openingHours() {
        return java.util.stream.IntStream.rangeClosed(1, 6)
                .mapToObj(d -> new BusinessHours(java.time.DayOfWeek.of(d), java.time.LocalTime.of(10, 0),
                        java.time.LocalTime.of(19, 0)))
                .toList();
    }
}
