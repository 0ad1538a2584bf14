package org.ruleone.catalog;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.PostalAddress;
import org.ruleone.organization.Role;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.platform.RejectedRow;
import org.ruleone.shared.Language;
import org.ruleone.support.IntegrationTest;
import org.ruleone.support.TestPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class CatalogIntegrationTests {

    @Autowired TestPeople people;
    @Autowired Catalog catalog;
    @Autowired CatalogImports imports;
    @Autowired TransferRequests requests;
    @Autowired ClientBook book;
    @Autowired MockMvc mvc;
    @Autowired MessageSource messages;
    @Autowired ApplicationEvents events;

    long paris;
    long lyon;
    String parisName;
    String lyonName;
    SignedInAssociate parisAssociate;
    SignedInAssociate lyonAssociate;
    String sku;

    @BeforeEach
    void twoStoresAndACatalog() throws Exception {
        long n = System.nanoTime();
        parisName = "Paris " + n;
        lyonName = "Lyon " + n;
        paris = people.store(parisName);
        lyon = people.store(lyonName);
        parisAssociate = people.person(Role.ASSOCIATE, paris);
        lyonAssociate = people.person(Role.ASSOCIATE, lyon);
        sku = "MOC-" + n;
        String csv = """
                Référence,Nom,Prix,Devise,Magasin,Quantité,Rayon,Allée
                %1$s,Mocassin daim cognac,189.00,EUR,%2$s,0,Chaussures,4
                %1$s,Mocassin daim cognac,189.00,EUR,%3$s,3,Chaussures,12B
                BAG-%4$d,Sac seau,not-a-price,EUR,%2$s,1,Maroquinerie,2
                BELT-%4$d,Ceinture,45,EUR,Nowhere,1,Accessoires,1
                SCARF-%4$d,Écharpe,60,EURO,%2$s,1,Accessoires,1
                """.formatted(sku, parisName, lyonName, n);
        var mapping = CatalogImports.guess(imports.headers(stream(csv)));
        CatalogImportResult result = imports.run("stock.csv", stream(csv), mapping, null, null, people.owner());
        assertThat(result.rowsImported()).isEqualTo(2);
        assertThat(result.rejected()).extracting(RejectedRow::lineNo, RejectedRow::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "BAD_PRICE"),
                        org.assertj.core.groups.Tuple.tuple(5L, "UNKNOWN_STORE"),
                        org.assertj.core.groups.Tuple.tuple(6L, "BAD_CURRENCY"));
    }

    @Test
    void findsAnItemDespiteATypoAndBySkuWithEachStoresStockAndAisle() {
        Product byTypo = catalog.find("mocasin dam").stream().filter(p -> p.sku().equals(sku)).findFirst().orElseThrow();
        assertThat(byTypo.price().amount()).isEqualByComparingTo(new BigDecimal("189.00"));
        assertThat(catalog.find(sku.toLowerCase())).first().returns(sku, Product::sku);
        assertThat(catalog.stock(byTypo.id()))
                .extracting(StockLine::storeName, StockLine::quantity, StockLine::department, StockLine::aisle)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(lyonName, 3, "Chaussures", "12B"),
                        org.assertj.core.groups.Tuple.tuple(parisName, 0, "Chaussures", "4"));
    }

    @Test
    void aManagersImportChangesOnlyTheirStoresStockAndLeavesNameAndPriceAlone() throws Exception {
        SignedInAssociate manager = people.person(Role.MANAGER, paris);
        String csv = """
                SKU,Name,Price,Currency,Quantity,Aisle
                %1$s,Cheap fake loafer,1.00,USD,7,9Z
                NEW-%1$s,Brand new thing,10.00,EUR,1,1
                """.formatted(sku);

        CatalogImportResult result = imports.run("mine.csv", stream(csv), CatalogImports.guess(imports.headers(stream(csv))),
                paris, null, manager);

        assertThat(result.rowsImported()).isEqualTo(1);
        assertThat(result.rejected()).extracting(RejectedRow::lineNo, RejectedRow::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "NEW_PRODUCT"));
        Product product = catalog.productBySku(sku).orElseThrow();
        assertThat(product.name()).isEqualTo("Mocassin daim cognac");
        assertThat(product.price().amount()).isEqualByComparingTo("189.00");
        assertThat(product.price().currencyCode()).isEqualTo("EUR");
        assertThat(catalog.stock(product.id()))
                .extracting(StockLine::storeName, StockLine::quantity, StockLine::department, StockLine::aisle)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(lyonName, 3, "Chaussures", "12B"),
                        org.assertj.core.groups.Tuple.tuple(parisName, 7, "Chaussures", "9Z"));
        assertThat(catalog.productBySku("NEW-" + sku)).isEmpty();
    }

    @Test
    void anOwnersImportStillSetsNamesAndPrices() throws Exception {
        String csv = """
                SKU,Name,Price,Currency
                %s,Mocassin daim tabac,199.00,EUR
                """.formatted(sku);

        imports.run("prices.csv", stream(csv), CatalogImports.guess(imports.headers(stream(csv))), null, null,
                people.owner());

        Product product = catalog.productBySku(sku).orElseThrow();
        assertThat(product.name()).isEqualTo("Mocassin daim tabac");
        assertThat(product.price().amount()).isEqualByComparingTo("199.00");
    }

    @Test
    void importsASemicolonSeparatedProductFileWithDecimalCommasAsThePurchaseImportDoes() throws Exception {
        String csv = "\uFEFFRéférence;Nom;Prix;Devise\n"
                + "SEMI-%1$s;Botte, cuir;1.189,50;EUR\n".formatted(sku)
                + "AMBI-%1$s;Gant;1.300;EUR\n".formatted(sku);

        CatalogImportResult result = imports.run("produits.csv", stream(csv),
                CatalogImports.guess(imports.headers(stream(csv))), null, null, people.owner());

        assertThat(imports.headers(stream(csv))).containsExactly("Référence", "Nom", "Prix", "Devise");
        assertThat(result.rowsImported()).isEqualTo(1);
        Product boot = catalog.productBySku("SEMI-" + sku).orElseThrow();
        assertThat(boot.name()).isEqualTo("Botte, cuir");
        assertThat(boot.price().amount()).isEqualByComparingTo("1189.50");
        assertThat(result.rejected()).extracting(RejectedRow::lineNo, RejectedRow::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "BAD_PRICE"));
        assertThat(catalog.productBySku("AMBI-" + sku)).isEmpty();
    }

    @Test
    void refusesAHostileOrBinaryProductFileAtTheUploadWithTheLine() throws Exception {
        SignedInAssociate manager = people.person(Role.MANAGER, paris);
        byte[] hostile = new byte[20_000_000];
        for (int i = 0; i < hostile.length; i += 2) {
            hostile[i] = 'a';
            hostile[i + 1] = ',';
        }
        mvc.perform(multipart("/products/import").file(new MockMultipartFile("file", "stock.csv", "text/csv", hostile))
                        .with(user(manager)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "Line 1 of this file is longer than 100,000 characters: this is not a product list.")));

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        mvc.perform(multipart("/products/import").file(new MockMultipartFile("file", "stock.csv", "text/csv", png))
                        .with(user(manager)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This file is not a CSV text file")));
    }

    @Test
    void importsNothingFromAFileWithAnOverlongRecordFurtherDown() throws Exception {
        String csv = "SKU,Name,Price,Currency\n" + "WIDE-" + sku + ",Wide,1.00,EUR\n" + "x,".repeat(600) + "x\n";

        assertThatThrownBy(() -> imports.run("wide.csv", stream(csv), CatalogImports.guess(List.of("SKU", "Name",
                "Price", "Currency")), null, null, people.owner()))
                .isInstanceOfSatisfying(org.ruleone.platform.CsvLimits.Refused.class,
                        e -> assertThat(e.line()).isEqualTo(3));
        assertThat(catalog.productBySku("WIDE-" + sku)).isEmpty();
    }

    @Test
    void keepsAProductUploadForTheManagerWhoSentIt() throws Exception {
        SignedInAssociate manager = people.person(Role.MANAGER, paris);
        SignedInAssociate colleague = people.person(Role.MANAGER, paris);
        String csv = "SKU,Quantity\n" + sku + ",5\n";
        String page = mvc.perform(multipart("/products/import")
                        .file(new MockMultipartFile("file", "stock.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(user(manager)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String token = page.replaceAll("(?s).*/products/import/([0-9a-f-]{36}).*", "$1");

        mvc.perform(post("/products/import/{token}", token).with(user(colleague)).with(csrf())
                        .param("col.SKU", "0").param("col.QUANTITY", "1"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/products/import/{token}", token).with(user(manager)).with(csrf())
                        .param("col.SKU", "0").param("col.QUANTITY", "1"))
                .andExpect(status().isOk());
        assertThat(catalog.stock(catalog.productBySku(sku).orElseThrow().id()))
                .filteredOn(line -> line.storeId() == paris).extracting(StockLine::quantity).containsExactly(5);
    }

    @Test
    void saysTheUploadLimitOnTheProductImportPage() throws Exception {
        mvc.perform(get("/products/import").with(user(people.person(Role.MANAGER, paris))))
                .andExpect(content().string(containsString("CSV files up to 100 MB.")));
    }

    @Test
    void aRequestToAnotherStoreIsPublishedShownToThatStoreAndOnTheClientsPage() throws Exception {
        long client = book.add(new ClientDraft(paris, null, "Amélie", "Poulain", "amelie@example.fr", "",
                PostalAddress.NONE, Language.FR, "", List.of(), List.of(), "", parisAssociate.id()));
        long product = catalog.productBySku(sku).orElseThrow().id();

        mvc.perform(post("/products/{id}/requests", product).with(user(parisAssociate)).with(csrf())
                        .param("from", String.valueOf(lyon)).param("customer", String.valueOf(client))
                        .param("quantity", "1").param("note", "size 38"))
                .andExpect(status().is3xxRedirection());

        ItemRequested event = events.stream(ItemRequested.class).reduce((a, b) -> b).orElseThrow();
        assertThat(event.fromStoreId()).isEqualTo(lyon);
        assertThat(event.toStoreId()).isEqualTo(paris);
        assertThat(event.customerId()).isEqualTo(client);
        assertThat(event.sku()).isEqualTo(sku);
        TransferRequest request = requests.forClient(client, 10).getFirst();
        assertThat(request.status()).isEqualTo(TransferStatus.REQUESTED);

        mvc.perform(get("/products/requests").with(user(lyonAssociate)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Mocassin daim cognac"), containsString("size 38"))));
        mvc.perform(get("/clients/{id}", client).with(user(parisAssociate)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Mocassin daim cognac"),
                        containsString(lyonName), containsString("Requested"))));

        assertThatThrownBy(() -> requests.move(request.id(), TransferStatus.SENT, parisAssociate))
                .as("only the store asked sends it").isInstanceOf(IllegalStateException.class);
        requests.move(request.id(), TransferStatus.SENT, lyonAssociate);
        assertThatThrownBy(() -> requests.move(request.id(), TransferStatus.RECEIVED, lyonAssociate))
                .isInstanceOf(IllegalStateException.class);
        assertThat(requests.move(request.id(), TransferStatus.RECEIVED, parisAssociate).status())
                .isEqualTo(TransferStatus.RECEIVED);

        SignedInAssociate stranger = people.person(Role.ASSOCIATE, people.store("Nice " + System.nanoTime()));
        assertThat(requests.find(request.id(), stranger)).isEmpty();
        mvc.perform(post("/products/requests/{id}/status", request.id()).param("status", "CANCELLED")
                .with(user(stranger)).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void aMoveTheRequestNoLongerAllowsIsRefusedWithAMessageAndStoresNothing() throws Exception {
        long client = book.add(new ClientDraft(paris, null, "Amélie", "Poulain", "", "", PostalAddress.NONE,
                Language.FR, "", List.of(), List.of(), "", parisAssociate.id()));
        long product = catalog.productBySku(sku).orElseThrow().id();
        TransferRequest request = requests.request(product, lyon, client, 1, "", parisAssociate);
        TransferRequest cancelled = requests.move(request.id(), TransferStatus.CANCELLED, parisAssociate);

        mvc.perform(post("/products/requests/{id}/status", request.id()).param("status", "SENT")
                        .with(user(lyonAssociate)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("moveError", "products.request.error.moved"));
        assertThat(messages.getMessage("products.request.error.moved", null, Locale.FRENCH))
                .startsWith("Cette demande avait déjà avancé");

        assertThat(requests.find(request.id(), lyonAssociate)).contains(cancelled);
    }

    @Test
    void anAssociateCannotRequestForAnotherStoresClient() {
        long lyonClient = book.add(new ClientDraft(lyon, null, "Luc", "Lyonnais", "", "", PostalAddress.NONE,
                Language.FR, "", List.of(), List.of(), "", null));
        long product = catalog.productBySku(sku).orElseThrow().id();
        assertThatThrownBy(() -> requests.request(product, lyon, lyonClient, 1, "", parisAssociate))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(requests.forClient(lyonClient, 10)).isEmpty();
        assertThat(Optional.of(events.stream(ItemRequested.class).count())).contains(0L);
    }

    private static ByteArrayInputStream stream(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
