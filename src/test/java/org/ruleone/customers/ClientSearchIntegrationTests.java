package org.ruleone.customers;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ClientSearchIntegrationTests {

    @Autowired ClientBook book;
    @Autowired ClientBookFixtures fixtures;

    long store;
    long zolkiewski;
    long smith;
    long dupont;

    @BeforeEach
    void fillStore() {
        store = fixtures.store();
        zolkiewski = fixtures.client(store, "Stanisław", "Żółkiewski", "hetman@example.pl", "+48 22 123 45 67", null);
        smith = fixtures.client(store, "John", "Smith", "john.smith@example.com", "+44 (0)20 7946 0000", null);
        dupont = fixtures.client(store, "Hélène", "Dupont", "helene@example.fr", "06 12 34 56 78", null);
        fixtures.client(store, "Joanna", "Smithers", "smith@example.com", null, null);
    }

    private List<Long> ids(String query) {
        return book.search(query, Optional.of(store)).stream().map(ClientSummary::id).toList();
    }

    @Test
    void findsClientDespiteMissingAccents() {
        assertThat(ids("Zolkiewski")).first().isEqualTo(zolkiewski);
        assertThat(ids("stanislaw zolkiewski")).first().isEqualTo(zolkiewski);
        assertThat(ids("helene")).first().isEqualTo(dupont);
    }

    @Test
    void findsClientDespiteTyposInFirstAndLastName() {
        assertThat(ids("Jhon Smiht")).contains(smith).doesNotContain(zolkiewski, dupont);
        assertThat(ids("Zolkiewsky")).first().isEqualTo(zolkiewski);
    }

    @Test
    void findsClientByPhoneDigitsHoweverTheyAreWritten() {
        assertThat(ids("020 7946 0000")).containsExactly(smith);
        assertThat(ids("+44 (0)20 7946")).containsExactly(smith);
        assertThat(ids("+44 20 7946")).as("dialled from abroad, without the trunk zero").containsExactly(smith);
        assertThat(ids("7946 0000")).containsExactly(smith);
        assertThat(ids("0612345678")).containsExactly(dupont);
    }

    @Test
    void putsTheExactEmailMatchFirst() {
        long exact = fixtures.client(store, "Anna", "Nowak", "smith@example.org", null, null);

        assertThat(ids("smith@example.org")).first().isEqualTo(exact);
        assertThat(ids("JOHN.SMITH@example.com")).first().isEqualTo(smith);
    }

    @Test
    void findsClientByTheStartOfTheirEmailWhileItIsTyped() {
        assertThat(ids("john.smith@exa")).containsExactly(smith);
        assertThat(ids("hetman@")).containsExactly(zolkiewski);
    }

    @Test
    void findsClientByPosNumber() {
        long imported = book.ensureImported(store, List.of(new ImportedCustomer("POS-" + store + "-17850", "FR")))
                .get("POS-" + store + "-17850");

        assertThat(ids("POS-" + store + "-17850")).first().isEqualTo(imported);
    }

    @Test
    void findsNothingInAnotherStore() {
        long otherStore = fixtures.store();

        assertThat(book.search("Zolkiewski", Optional.of(otherStore))).isEmpty();
        assertThat(book.search("Zolkiewski", Optional.empty())).extracting(ClientSummary::id).contains(zolkiewski);
    }

    @Test
    void findsNothingForAnUnrelatedName() {
        assertThat(ids("Kowalczyk")).isEmpty();
    }

    @Test
    void findsAHebrewNameByItsOwnLettersAndNothingUnrelated() {
        long cohen = fixtures.client(store, "דוד", "כהן", null, null, null);
        long levi = fixtures.client(store, "שרה", "לוי", null, null, null);

        assertThat(ids("דוד כהן")).containsExactly(cohen);
        assertThat(ids("כהן")).containsExactly(cohen);
        assertThat(ids("שרה")).containsExactly(levi);
        assertThat(ids("משה")).as("a Hebrew name nobody has").isEmpty();
    }

    @Test
    void findsAnArabicNameByItsOwnLettersAndNothingUnrelated() {
        long mohammed = fixtures.client(store, "محمد", "العلي", null, null, null);
        long fatima = fixtures.client(store, "فاطمة", "حسن", null, null, null);

        assertThat(ids("محمد")).first().isEqualTo(mohammed);
        assertThat(ids("محمد")).doesNotContain(fatima, zolkiewski, smith, dupont);
        assertThat(ids("فاطمة حسن")).containsExactly(fatima);
        assertThat(ids("خالد")).isEmpty();
    }

    @Test
    void findsACyrillicOrGreekNameDespiteCaseAndATypo() {
        long ivanova = fixtures.client(store, "Анна", "Иванова", null, null, null);
        long papadopoulos = fixtures.client(store, "Νίκος", "Παπαδόπουλος", null, null, null);

        assertThat(ids("анна иванова")).first().isEqualTo(ivanova);
        assertThat(ids("Иваново")).first().isEqualTo(ivanova);
        assertThat(ids("Παπαδοπουλος")).containsExactly(papadopoulos);
        assertThat(ids("Петров")).isEmpty();
    }

    @Test
    void aLatinQueryStillIgnoresClientsWrittenInOtherScripts() {
        fixtures.client(store, "דוד", "כהן", null, null, null);
        fixtures.client(store, "Анна", "Иванова", null, null, null);

        assertThat(ids("Zolkiewski")).containsExactly(zolkiewski);
        assertThat(ids("Jhon Smiht")).contains(smith).doesNotContain(zolkiewski, dupont);
    }
}
