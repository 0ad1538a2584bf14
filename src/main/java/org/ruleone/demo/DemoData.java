package org.ruleone.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ruleone.campaigns.AudienceFilter;
import org.ruleone.campaigns.CampaignDraft;
import org.ruleone.campaigns.CampaignKind;
import org.ruleone.campaigns.Campaigns;
import org.ruleone.catalog.Catalog;
import org.ruleone.catalog.ProductDraft;
import org.ruleone.clienteling.Tasks;
import org.ruleone.customers.ClientBook;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.ConsentChannel;
import org.ruleone.customers.ConsentMethod;
import org.ruleone.customers.Consents;
import org.ruleone.customers.DateKind;
import org.ruleone.customers.ImportantDate;
import org.ruleone.customers.PostalAddress;
import org.ruleone.experience.SurveyAnswers;
import org.ruleone.experience.SurveyChannel;
import org.ruleone.organization.AssociateDraft;
import org.ruleone.organization.BusinessHours;
import org.ruleone.organization.Organization;
import org.ruleone.organization.OwnerSetUp;
import org.ruleone.organization.Role;
import org.ruleone.organization.StoreDraft;
import org.ruleone.purchases.ColumnMapping;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.organization.StoreSummary;
import org.ruleone.purchases.PurchaseImports;
import org.ruleone.purchases.TillPurchase;
import org.ruleone.purchases.TillPurchases;
import org.ruleone.service.CaseDesk;
import org.ruleone.service.CaseDraft;
import org.ruleone.service.CaseOpened;
import org.ruleone.service.Channel;
import org.ruleone.service.Resolution;
import org.ruleone.service.ResolutionKind;
import org.ruleone.shared.Language;
import org.ruleone.shared.Money;
import org.ruleone.telephony.CallDraft;
import org.ruleone.telephony.CallOutcome;
import org.ruleone.telephony.CallSource;
import org.ruleone.telephony.PhoneCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo once the owner exists (only with {@code ruleone.demo=true}): a second store, associates, clients,
 * service cases in every state with their messages and resolutions, phone calls, tasks, products with stock, a
 * draft event campaign, and the Online Retail purchases. Everything goes through the modules' public APIs; it runs
 * once, in the listener's transaction, and does nothing if the demo store is already there.
 */
@Component
@ConditionalOnBooleanProperty("ruleone.demo")
class DemoData {

    static final String SECOND_STORE = "Kraków Rynek";
    static final Duration BOOTS_FIRST_RESPONSE = Duration.ofMinutes(100);
    static final String MARY = "C-1001";
    static final String JEROME = "C-1002";
    static final String ZANETA = "K-2001";
    static final String AGNIESZKA = "K-2002";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Organization organization;
    private final ClientBook clients;
    private final Consents consents;
    private final PurchaseImports imports;
    private final CaseDesk cases;
    private final PhoneCalls calls;
    private final Tasks tasks;
    private final Catalog catalog;
    private final Campaigns campaigns;
    private final TillPurchases till;
    private final SurveyAnswers surveys;
    private final DemoMystery mystery;
    private final DemoRecognition recognition;
    private final DemoTraining training;
    private final DemoComeBack comeBack;
    private final DemoProgress progress;
    private final Clock clock;
    private final Path onlineRetail;
    private final SecureRandom random = new SecureRandom();

    DemoData(Organization organization, ClientBook clients, Consents consents, PurchaseImports imports,
             CaseDesk cases, PhoneCalls calls, Tasks tasks, Catalog catalog, Campaigns campaigns, TillPurchases till,
             SurveyAnswers surveys, DemoMystery mystery, DemoRecognition recognition, DemoTraining training,
             DemoComeBack comeBack, DemoProgress progress, Clock clock,
             @Value("${ruleone.demo.purchases-file:../shared/data/online_retail/online_retail.csv}") String onlineRetail) {
        this.organization = organization;
        this.clients = clients;
        this.consents = consents;
        this.imports = imports;
        this.cases = cases;
        this.calls = calls;
        this.tasks = tasks;
        this.catalog = catalog;
        this.campaigns = campaigns;
        this.till = till;
        this.surveys = surveys;
        this.mystery = mystery;
        this.recognition = recognition;
        this.training = training;
        this.comeBack = comeBack;
        this.progress = progress;
        this.clock = clock;
        // A plain file path, relative to the working directory: bound as a Path, Spring would read it as a
        // resource of the web application and refuse "../" at start-up.
        this.onlineRetail = Path.of(onlineRetail).toAbsolutePath().normalize();
    }

    Path purchasesFile() {
        return onlineRetail;
    }

    /** The people and clients the rest of the demo refers to. */
    private record Cast(long owner, long flagship, long second, long craig, long sally, long marek, long amelie,
                        long jerome, long mary, long zaneta, long agnieszka) {
    }

    @ApplicationModuleListener
    void on(OwnerSetUp event) {
        try {
            seed(event);
        } catch (RuntimeException e) {
            progress.finished(); // rolled back: no banner waiting for steps that will never come
            throw e;
        }
    }

    /**
     * Seeds the demo unless it is already there (the demo store exists).
     *
     * @return false when there was nothing to do
     */
    boolean seed(OwnerSetUp event) {
        if (organization.storeNamed(SECOND_STORE).isPresent()) {
            log.info("Demo: already seeded, nothing to do");
            return false;
        }
        long startedAt = System.nanoTime();
        progress.started();
        long flagship = event.storeId();
        long second = organization.createStore(new StoreDraft(SECOND_STORE, "Rynek Główny 1, 31-042 Kraków",
                "Poland", ZoneId.of("Europe/Warsaw"), Language.PL, openingHours()));
        long craig = associate("Craig Tires", "craig", Role.ASSOCIATE, flagship, LocalDate.of(2026, 11, 1), Language.EN);
        long sally = associate("Sally Boots", "sally", Role.MANAGER, flagship, LocalDate.of(2019, 3, 4), Language.EN);
        long marek = associate("Marek Żółkiewski", "marek", Role.ASSOCIATE, second, LocalDate.of(2021, 6, 14), Language.PL);
        long amelie = associate("Amélie Dubois", "amelie", Role.MANAGER, second, LocalDate.of(2018, 9, 1), Language.FR);

        long jerome = client(flagship, craig, JEROME, "Jérôme", "Lefèvre", "jerome.lefevre@example.fr",
                "+33 6 12 34 56 78", Language.FR, List.of("shoes", "tuxedo"), "Size 43 shoes, 50 jacket");
        long mary = client(flagship, craig, MARY, "Mary", "Smith", "mary.smith@example.com", "+1 206 555 0147",
                Language.EN, List.of("boots", "handbags"), "Boots 7.5 US");
        long zaneta = client(second, marek, ZANETA, "Żaneta", "Żółkiewska", "zaneta@example.pl", "+48 601 234 567",
                Language.PL, List.of("shoes", "diamonds"), "Buty 38");
        long agnieszka = client(second, marek, AGNIESZKA, "Agnieszka", "Wiśniewska", "a.wisniewska@example.pl",
                "+48 502 111 222", Language.PL, List.of("coats"), "");
        Cast cast = new Cast(event.ownerId(), flagship, second, craig, sally, marek, amelie, jerome, mary, zaneta,
                agnieszka);
        progress.stepDone();

        consents(cast);
        progress.stepDone();
        Map<String, Long> caseIds = serviceCases(cast);
        progress.stepDone();
        recognition.heroics(caseIds);
        progress.stepDone();
        phoneCalls(cast, caseIds);
        progress.stepDone();
        tasks(cast);
        progress.stepDone();
        products(cast);
        progress.stepDone();
        purchases(cast);
        progress.stepDone();
        campaign(cast);
        progress.stepDone();
        surveyAnswers(cast);
        progress.stepDone();
        mysteryShopping(cast);
        progress.stepDone();
        training.seed(cast.flagship(), cast.second());
        progress.stepDone();
        comeBack.seed(new DemoComeBack.Stores(cast.flagship(), cast.second(), currency(cast.flagship()),
                currency(cast.second()), zone(cast.flagship()), zone(cast.second()), tasks.today(cast.flagship()),
                tasks.today(cast.second())));
        progress.stepDone();
        log.info("Demo: stores, people, clients, cases, heroics, calls, tasks, products, sales, a campaign, survey "
                        + "answers, mystery shops, roleplay training and the come-back history seeded in {} ms",
                (System.nanoTime() - startedAt) / 1_000_000);

        if (Files.isReadable(onlineRetail)) {
            long id = imports.start(new PurchaseImports.Request(flagship, onlineRetail, "online_retail.csv",
                    ColumnMapping.onlineRetail(), false, event.ownerId()));
            progress.importing(id);
            log.info("Demo: importing {} into the first store as import #{}", onlineRetail, id);
        } else {
            progress.finished();
            log.warn("Demo: {} not found; set ruleone.demo.purchases-file to import purchases", onlineRetail);
        }
        return true;
    }

    /**
     * E-mail consent for three clients, asked in the store with the standard wording in their language; post
     * consent for Jérôme from a signed paper form (its own wording); Agnieszka was never asked, so a campaign
     * leaves her out.
     */
    private void consents(Cast c) {
        for (long client : List.of(c.jerome(), c.mary(), c.zaneta())) {
            consents.record(client, ConsentChannel.EMAIL, true, ConsentMethod.IN_STORE, associateOf(c, client));
        }
        consents.record(c.jerome(), ConsentChannel.POST, true, ConsentMethod.IN_STORE, c.craig(),
                "J'accepte de recevoir par courrier les invitations et nouveautés du magasin. "
                        + "(Formulaire papier signé en magasin.)");
    }

    private static long associateOf(Cast c, long client) {
        return client == c.zaneta() || client == c.agnieszka() ? c.marek() : c.craig();
    }

    /**
     * Cases of every channel and state, with messages and resolutions of several kinds, spread over the last six
     * weeks with the response times they really had (each step recorded at its own time); their ids by name.
     */
    private Map<String, Long> serviceCases(Cast c) {
        Optional<Long> all = Optional.empty();
        String money = currency(c.flagship());
        String zloty = currency(c.second());
        ZoneId flagshipZone = zone(c.flagship());
        Instant now = clock.instant();

        // The tires: refunded although the store never sold them.
        Instant tiresAt = daysAgo(c.flagship(), 34, LocalTime.of(11, 5));
        long tires = at(tiresAt).open(new CaseDraft(c.flagship(), c.mary(), c.craig(), Channel.IN_STORE,
                "Refund for winter tires", Language.EN,
                "I'd like to return these four winter tires; they never fit my car."), all);
        at(tiresAt.plus(Duration.ofMinutes(12))).note(tires, all, c.craig(),
                "We have never sold tires. Refunding anyway: Rule One.");
        at(tiresAt.plus(Duration.ofMinutes(20))).resolve(tires, all, c.craig(),
                Resolution.refund(Money.of("145.00", money), true),
                "She leaves happy and tells her friends; the tires cost us less than an advert.");

        // The boots: a replacement shipped at once, carrier and tracking recorded.
        Instant bootsAt = daysAgo(c.flagship(), 20, LocalTime.of(8, 10));
        long boots = at(bootsAt).open(new CaseDraft(c.flagship(), c.mary(), c.sally(), Channel.EMAIL,
                "Heel broke on my new boots", Language.EN,
                "The heel of my new boots came off after two days. I need them for a trip on Friday."), all);
        at(bootsAt.plus(BOOTS_FIRST_RESPONSE)).reply(boots, all, c.sally(), "I am so sorry, Mary. A new pair leaves "
                + "today by express; keep the old ones, no need to send them back.", false);
        at(bootsAt.plus(BOOTS_FIRST_RESPONSE).plus(Duration.ofMinutes(5))).resolve(boots, all, c.sally(),
                Resolution.replacementShipped(Money.of("89.00", money), "UPS", "1Z999AA10123456784"),
                "She has her boots before her trip, whoever was at fault.");

        // The tuxedo: an alteration promised for Saturday morning, still open with the tailor.
        Instant tuxedoAt = daysAgo(c.flagship(), 4, LocalTime.of(17, 40));
        long tuxedo = at(tuxedoAt).open(new CaseDraft(c.flagship(), c.jerome(), c.craig(), Channel.IN_STORE,
                "Retouche du smoking avant le mariage", null,
                "Le pantalon du smoking est trop long et le mariage est samedi."), all);
        at(tuxedoAt.plus(Duration.ofMinutes(8))).reply(tuxedo, all, c.craig(),
                "Notre retoucheur s'en occupe : votre smoking sera prêt samedi à 10 h.", false);
        Instant saturday = tasks.today(c.flagship()).plusDays(1)
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SATURDAY))
                .atTime(LocalTime.of(10, 0)).atZone(flagshipZone).toInstant();
        at(tuxedoAt.plus(Duration.ofMinutes(15))).resolve(tuxedo, all, c.craig(),
                Resolution.alteration(Money.of("40.00", money), saturday),
                "He is married in a suit that fits; the tailor works on Friday evening.");

        // A goodwill gift after a long wait at the till: the web form came in at night, answered next morning.
        Instant giftAt = daysAgo(c.second(), 13, LocalTime.of(22, 15));
        long gift = at(giftAt).open(new CaseDraft(c.second(), c.zaneta(), c.marek(), Channel.WEB_FORM,
                "Długie czekanie przy kasie", null,
                "W sobotę czekałam 25 minut przy kasie z prezentem dla mamy."), all);
        at(giftAt.plus(Duration.ofHours(12).plusMinutes(5))).reply(gift, all, c.marek(), "Bardzo przepraszamy. "
                + "Przy następnej wizycie czeka na Panią prezent ode mnie.", false);
        at(giftAt.plus(Duration.ofHours(12).plusMinutes(10))).resolve(gift, all, c.marek(),
                Resolution.of(ResolutionKind.GOODWILL, Money.of("60.00", zloty)),
                "A small gift is worth more than the Saturday she lost.");

        // A question left on the voicemail yesterday, answered by phone a few hours later.
        Instant hoursAt = now.minus(Duration.ofHours(26));
        long hours = at(hoursAt).open(new CaseDraft(c.second(), c.agnieszka(), c.marek(), Channel.PHONE,
                "Godziny otwarcia w święta", null, "Czy sklep będzie otwarty 24 grudnia?"), all);
        at(hoursAt.plus(Duration.ofHours(3))).reply(hours, all, c.marek(),
                "Tak, 24 grudnia jesteśmy otwarci od 10 do 14.", false);
        at(hoursAt.plus(Duration.ofHours(3).plusMinutes(2))).resolve(hours, all, c.marek(),
                Resolution.answered(zloty), "She only needed to know when to come.");

        // The diamond: found on the shop floor and given back. The lost-and-found register itself has no public
        // API (service.internal.LostAndFound), so the item is recorded on the resolution only.
        Instant diamondAt = daysAgo(c.second(), 41, LocalTime.of(15, 30));
        long diamond = at(diamondAt).open(new CaseDraft(c.second(), c.zaneta(), c.marek(), Channel.PHONE,
                "Zgubiony kolczyk z diamentem", null,
                "Chyba zgubiłam kolczyk z diamentem, przymierzając płaszcze."), all);
        at(diamondAt.plus(Duration.ofHours(2))).resolve(diamond, all, c.marek(),
                Resolution.lostAndFound("Diamond stud earring, white gold", zloty),
                "Found under the fitting-room bench; she has it back the same day.");

        // Waiting on the customer: a size to confirm.
        Instant sizeAt = daysAgo(c.second(), 2, LocalTime.of(10, 20));
        long size = at(sizeAt).open(new CaseDraft(c.second(), c.zaneta(), c.amelie(), Channel.EMAIL,
                "Czy są te czółenka w rozmiarze 38?", null,
                "Widziałam czarne czółenka na wystawie. Czy macie rozmiar 38?"), all);
        at(sizeAt.plus(Duration.ofMinutes(50))).reply(size, all, c.amelie(),
                "Mamy rozmiar 38 i 38,5. Który odłożyć dla Pani?", true);

        // Just arrived, nobody owns it yet and nobody answered.
        long open = at(now.minus(Duration.ofMinutes(40))).open(new CaseDraft(c.flagship(), c.jerome(), null,
                Channel.EMAIL, "Chaussures à ressemeler", null,
                "Bonjour, pouvez-vous ressemeler mes richelieus achetés chez vous il y a trois ans ?"), all);

        return Map.of("tires", tires, "boots", boots, "tuxedo", tuxedo, "gift", gift, "hours", hours, "size", size,
                "open", open, "diamond", diamond);
    }

    /** The service desk as it was at a moment of the demo's history. */
    private CaseDesk at(Instant moment) {
        return cases.asOf(Clock.fixed(moment, java.time.ZoneOffset.UTC));
    }

    /** A time of day in a store, some days before its today. */
    private Instant daysAgo(long storeId, int days, LocalTime time) {
        return tasks.today(storeId).minusDays(days).atTime(time).atZone(zone(storeId)).toInstant();
    }

    /**
     * First purchases of the named clients a few days ago, with the store's products, through the till: the
     * client book counts them and thank-you notes are due, as after any first sale.
     */
    private void purchases(Cast c) {
        record Sale(long store, String number, int daysAgo, String sku, String name, String price) {
        }
        List<Sale> sales = List.of(
                new Sale(c.flagship(), MARY, 6, "DEMO-BT-CH75", "Brown leather Chelsea boots, US 7.5", "229.00"),
                new Sale(c.flagship(), JEROME, 5, "DEMO-TX-M50", "Midnight tuxedo, jacket 50", "690.00"),
                new Sale(c.second(), ZANETA, 3, "DEMO-SH-PU38", "Black suede pumps, size 38", "149.00"),
                new Sale(c.second(), AGNIESZKA, 2, "DEMO-CT-WO38", "Camel wool coat, size 38", "420.00"));
        for (Sale sale : sales) {
            till.record(new TillPurchase(sale.store(), "DEMO-" + sale.number() + "-1",
                    daysAgo(sale.store(), sale.daysAgo(), LocalTime.of(16, 30)), sale.number(), null,
                    List.of(new TillPurchase.Line(sale.sku(), sale.name(), 1, new BigDecimal(sale.price())))));
        }
    }

    /**
     * Mystery shopping: a friend of the first store and a best client of the second, a dozen visits over eight
     * months getting better, a hotel and a bank visited to compare with, one report waiting for review and one visit
     * coming up.
     */
    private void mysteryShopping(Cast c) {
        mystery.seed(new DemoMystery.Stores(c.flagship(), c.second(), c.sally(), c.amelie(), c.zaneta(),
                currency(c.flagship()), zone(c.flagship()), zone(c.second()), tasks.today(c.flagship()),
                tasks.today(c.second())));
    }

    /** A client of the demo and the language they answer in. */
    private record Answerer(long id, Language language) {
    }

    /**
     * Survey answers over the last eight months in both stores, getting better as the months go by: promoters,
     * passives and detractors, comments in the three languages, after cases, purchases and from the store's QR
     * page (anonymous). Every unhappy answer of a known client opens its follow-up case, as any answer would;
     * {@link #on(CaseOpened)} handles the older ones the way the associates did. The same answers every time.
     */
    private void surveyAnswers(Cast c) {
        java.util.Random dice = new java.util.Random(1001);
        List<Answerer> here = List.of(new Answerer(c.mary(), Language.EN), new Answerer(c.jerome(), Language.FR),
                new Answerer(client(c.flagship(), c.craig(), "C-1003", "Emma", "Johnson", "emma.johnson@example.com",
                        "+1 206 555 0148", Language.EN, List.of("dresses"), ""), Language.EN),
                new Answerer(client(c.flagship(), c.sally(), "C-1004", "Claire", "Martin", "claire.martin@example.fr",
                        "+33 6 23 45 67 89", Language.FR, List.of("scarves"), ""), Language.FR),
                new Answerer(client(c.flagship(), c.craig(), "C-1005", "Tom", "Baker", "tom.baker@example.com",
                        "+1 206 555 0149", Language.EN, List.of("shirts"), "Collar 41"), Language.EN));
        List<Answerer> there = List.of(new Answerer(c.zaneta(), Language.PL), new Answerer(c.agnieszka(), Language.PL),
                new Answerer(client(c.second(), c.marek(), "K-2003", "Piotr", "Nowak", "piotr.nowak@example.pl",
                        "+48 603 222 333", Language.PL, List.of("shoes"), "Buty 44"), Language.PL),
                new Answerer(client(c.second(), c.amelie(), "K-2004", "Katarzyna", "Kowalczyk",
                        "k.kowalczyk@example.pl", "+48 604 333 444", Language.PL, List.of("coats"), ""), Language.PL),
                new Answerer(client(c.second(), c.amelie(), "K-2005", "Julien", "Moreau", "julien.moreau@example.fr",
                        "+33 6 34 56 78 90", Language.FR, List.of("tuxedo"), ""), Language.FR));
        int answers = 160;
        for (int i = 0; i < answers; i++) {
            double progressMade = i / (double) answers;
            boolean flagship = dice.nextInt(10) < 6;
            long store = flagship ? c.flagship() : c.second();
            double roll = dice.nextDouble();
            int comeBack = roll < 0.24 - 0.14 * progressMade ? 2 + dice.nextInt(5)
                    : roll < 0.55 - 0.20 * progressMade ? 7 + dice.nextInt(2) : 9 + dice.nextInt(2);
            int satisfaction = comeBack >= 9 ? 4 + dice.nextInt(2) : comeBack >= 7 ? 3 + dice.nextInt(2)
                    : 1 + dice.nextInt(3);
            int kind = dice.nextInt(20);
            SurveyChannel channel = kind < 5 ? SurveyChannel.CASE_RESOLVED
                    : kind < 14 ? SurveyChannel.PURCHASE : SurveyChannel.IN_STORE;
            Answerer client = channel == SurveyChannel.IN_STORE ? null
                    : (flagship ? here : there).get(dice.nextInt(here.size()));
            Long servedBy = channel == SurveyChannel.IN_STORE ? null
                    : flagship ? (dice.nextBoolean() ? c.craig() : c.sally())
                    : (dice.nextBoolean() ? c.marek() : c.amelie());
            Language language = client != null ? client.language()
                    : dice.nextInt(5) == 0 ? Language.FR : flagship ? Language.EN : Language.PL;
            String comment = dice.nextInt(100) < 55 ? comment(language, comeBack, dice) : null;
            int days = Math.max(1, (int) Math.round(240.0 * (answers - i) / answers));
            Instant at = daysAgo(store, days, LocalTime.of(10 + dice.nextInt(9), dice.nextInt(60)));
            surveys.record(new SurveyAnswers.RecordedAnswer(store, client == null ? null : client.id(), servedBy,
                    channel, language, comeBack, satisfaction, comment, null, null, at));
        }
    }

    private static String comment(Language language, int comeBack, java.util.Random dice) {
        List<String> said = switch (language) {
            case EN -> comeBack >= 9 ? List.of("Craig found my size in the back and walked me to the fitting room.",
                    "They remembered my name and my size. Best shop in town.",
                    "The tailor fixed my hem while I had a coffee.")
                    : comeBack >= 7 ? List.of("Fine, but I waited a while at the till.",
                    "Nice shop; the size I wanted was not there.")
                    : List.of("Nobody greeted me and the fitting rooms were a mess.",
                    "I was pointed to the back of the shop instead of being shown.",
                    "Twenty minutes in the queue to pay.");
            case FR -> comeBack >= 9 ? List.of("Accueil chaleureux, on m'a accompagnée jusqu'au rayon.",
                    "Toujours un plaisir, merci pour les retouches !")
                    : comeBack >= 7 ? List.of("Bien, mais un peu d'attente en caisse.",
                    "Correct, sans plus : ma taille manquait.")
                    : List.of("Personne pour m'aider, j'ai fini par partir.",
                    "Le vendeur était pressé et peu aimable.");
            case PL -> comeBack >= 9 ? List.of("Świetna obsługa, pan Marek pamiętał mój rozmiar.",
                    "Zawsze miło tu wracać. Dziękuję za kawę!")
                    : comeBack >= 7 ? List.of("Dobrze, ale długo czekałam przy kasie.",
                    "W porządku, choć brakowało mojego rozmiaru.")
                    : List.of("Nikt się mną nie zainteresował.",
                    "Sprzedawca tylko wskazał palcem, gdzie są buty.");
        };
        return said.get(dice.nextInt(said.size()));
    }

    /**
     * The associates of the demo followed up the unhappy answers older than a week: a call back the same day (or,
     * now and then, the next), a small gift for one in three, and the case resolved; the latest stay open on the
     * desk. Only the demo's history: a follow-up opened today is left to the person it was given to.
     */
    @ApplicationModuleListener
    void on(CaseOpened opened) {
        if (opened.channel() != Channel.SURVEY || opened.ownerId() == null
                || opened.openedAt().isAfter(clock.instant().minus(Duration.ofDays(7)))) {
            return;
        }
        long owner = opened.ownerId();
        Optional<Long> all = Optional.empty();
        Duration late = opened.caseId() % 5 == 0 ? Duration.ofHours(30) : Duration.ofHours(3);
        Instant calledAt = opened.openedAt().plus(late);
        Language language = opened.language() == null ? Language.EN : opened.language();
        at(calledAt).reply(opened.caseId(), all, owner, switch (language) {
            case EN -> "Thank you for telling us. I called you to hear the whole story; "
                    + "please ask for me next time.";
            case FR -> "Merci de nous l'avoir dit. Je vous ai appelé pour tout entendre ; "
                    + "demandez-moi la prochaine fois.";
            case PL -> "Dziękujemy za szczerą opinię. Zadzwoniliśmy, żeby wysłuchać całej historii; "
                    + "następnym razem proszę pytać o mnie.";
        }, false);
        String currency = currency(opened.storeId());
        at(calledAt.plus(Duration.ofMinutes(10))).resolve(opened.caseId(), all, owner,
                opened.caseId() % 3 == 0 ? Resolution.of(ResolutionKind.GOODWILL, Money.of("20.00", currency))
                        : Resolution.answered(currency),
                "Called back the unhappy customer; they will give us another chance.");
    }

    /** An answered call on the tires case, a voicemail on the opening-hours case, and a missed unknown caller. */
    private void phoneCalls(Cast c, Map<String, Long> caseIds) {
        Optional<Long> all = Optional.empty();
        Instant now = clock.instant();
        calls.log(new CallDraft(c.flagship(), c.mary(), "+1 206 555 0147", c.craig(),
                now.minus(Duration.ofHours(3)), 2, 9, CallOutcome.ANSWERED, 240, caseIds.get("tires"),
                CallSource.MANUAL, c.craig()), all);
        calls.log(new CallDraft(c.second(), c.agnieszka(), "+48 502 111 222", null,
                now.minus(Duration.ofHours(26)), 6, null, CallOutcome.VOICEMAIL, 35, caseIds.get("hours"),
                CallSource.TELEPHONY, null), all);
        calls.log(new CallDraft(c.second(), null, "+48 12 421 00 00", null, now.minus(Duration.ofMinutes(50)), 5,
                null, CallOutcome.MISSED, null, null, CallSource.TELEPHONY, null), all);
    }

    private void tasks(Cast c) {
        LocalDate flagshipToday = tasks.today(c.flagship());
        LocalDate secondToday = tasks.today(c.second());
        tasks.add(c.flagship(), c.craig(), c.jerome(), "Call Jérôme when the tuxedo is back from the tailor",
                flagshipToday.plusDays(2), c.owner());
        tasks.add(c.flagship(), c.sally(), c.mary(), "Check Mary's replacement boots arrived before her trip",
                flagshipToday.plusDays(1), c.owner());
        tasks.add(c.flagship(), null, null, "Dress the window with the new winter coats", flagshipToday, c.owner());
        tasks.add(c.second(), c.marek(), c.agnieszka(), "Zadzwonić do Agnieszki: przyszły nowe płaszcze",
                secondToday.plusDays(1), c.owner());
        tasks.add(c.second(), c.amelie(), c.zaneta(), "Odłożyć czółenka 38 dla Żanety", secondToday.minusDays(1),
                c.owner());
    }

    private record Item(String sku, String name, String price, String department, String aisle, int here,
                        int there) {
    }

    /** A dozen products, each with stock and a place in both stores. */
    private void products(Cast c) {
        String currency = currency(c.flagship());
        List<Item> items = List.of(
                new Item("DEMO-SH-OX43", "Black oxford shoes, size 43", "189.00", "Shoes", "A1", 4, 2),
                new Item("DEMO-SH-PU38", "Black suede pumps, size 38", "149.00", "Shoes", "A2", 1, 3),
                new Item("DEMO-BT-CH75", "Brown leather Chelsea boots, US 7.5", "229.00", "Shoes", "A3", 3, 0),
                new Item("DEMO-BT-WI40", "Waterproof winter boots, size 40", "199.00", "Shoes", "A4", 0, 5),
                new Item("DEMO-TX-M50", "Midnight tuxedo, jacket 50", "690.00", "Menswear", "B1", 2, 1),
                new Item("DEMO-SH-W40", "White dress shirt, collar 40", "79.00", "Menswear", "B2", 12, 8),
                new Item("DEMO-CT-WO38", "Camel wool coat, size 38", "420.00", "Womenswear", "C1", 2, 4),
                new Item("DEMO-CT-NV42", "Navy cashmere coat, size 42", "560.00", "Womenswear", "C2", 1, 2),
                new Item("DEMO-HB-TOTE", "Leather tote bag, cognac", "310.00", "Accessories", "D1", 5, 1),
                new Item("DEMO-SC-SILK", "Silk scarf, Kraków print", "95.00", "Accessories", "D2", 7, 10),
                new Item("DEMO-DM-STUD", "Diamond stud earrings, 0.5 ct", "1450.00", "Jewellery", "E1 (case)", 1, 1),
                new Item("DEMO-DM-RING", "Diamond solitaire ring, 1 ct", "3900.00", "Jewellery", "E2 (case)", 0, 1));
        for (Item item : items) {
            Money price = Money.of(item.price(), currency);
            catalog.save(new ProductDraft(item.sku(), item.name(), price, c.flagship(), item.here(),
                    item.department(), item.aisle()));
            catalog.save(new ProductDraft(item.sku(), item.name(), price, c.second(), item.there(),
                    item.department(), "R-" + item.aisle()));
        }
    }

    /** A trunk show in the first store, written in three languages and left as a draft (never sent). */
    private void campaign(Cast c) {
        StoreSummary store = organization.store(c.flagship()).orElseThrow();
        SignedInAssociate owner = organization.associate(c.owner())
                .flatMap(a -> organization.signInDetails(a.email()))
                .orElseThrow(() -> new IllegalStateException("The owner " + c.owner() + " is gone"));
        LocalDate day = tasks.today(c.flagship()).plusWeeks(3);
        Instant starts = day.atTime(18, 30).atZone(store.timeZone()).toInstant();
        campaigns.create(new CampaignDraft(CampaignKind.EVENT, c.flagship(),
                Map.of(Language.EN, "Winter trunk show",
                        Language.FR, "Présentation privée de la collection d'hiver",
                        Language.PL, "Pokaz kolekcji zimowej"),
                Map.of(Language.EN, "Join us for an evening with the new winter coats and boots, before anyone "
                                + "else sees them. A glass of champagne, and the tailor on hand.",
                        Language.FR, "Venez découvrir les nouveaux manteaux et bottes d'hiver avant tout le monde, "
                                + "autour d'une coupe de champagne, avec notre retoucheur sur place.",
                        Language.PL, "Zapraszamy na wieczór z nowymi płaszczami i butami na zimę, zanim zobaczy je "
                                + "ktokolwiek inny. Lampka szampana i krawiec na miejscu."),
                store.name(), starts, starts.plus(Duration.ofHours(3)), AudienceFilter.everyone(c.flagship()), 30),
                owner);
    }

    /** The currency the service desk books a store's costs in: its country's, or the euro. */
    private String currency(long storeId) {
        String country = organization.store(storeId).map(StoreSummary::country).orElse("").strip()
                .toUpperCase(Locale.ROOT);
        if (country.equals("POLAND")) {
            return "PLN";
        }
        try {
            Currency currency = country.length() == 2 ? Currency.getInstance(Locale.of("", country)) : null;
            return currency == null ? "EUR" : currency.getCurrencyCode();
        } catch (IllegalArgumentException e) {
            return "EUR";
        }
    }

    private ZoneId zone(long storeId) {
        return organization.store(storeId).map(StoreSummary::timeZone).orElse(ZoneId.of("UTC"));
    }

    private long associate(String name, String handle, Role role, long store, LocalDate hired, Language language) {
        // No default passwords: a random one nobody knows until the owner sets a real one.
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        return organization.createAssociate(new AssociateDraft(name, handle + "@demo.example", role, store, hired,
                language), Base64.getEncoder().encodeToString(secret));
    }

    private long client(long store, long associate, String number, String first, String last, String email,
                        String phone, Language language, List<String> tags, String sizes) {
        return clients.add(new ClientDraft(store, number, first, last, email, phone, PostalAddress.NONE, language,
                sizes, tags, List.of(new ImportantDate(DateKind.BIRTHDAY, "", MonthDay.of(4, 12), null)),
                "", associate));
    }

    private static List<BusinessHours> openingHours() {
        return java.util.stream.IntStream.rangeClosed(1, 6)
                .mapToObj(d -> new BusinessHours(java.time.DayOfWeek.of(d), LocalTime.of(10, 0),
                        LocalTime.of(19, 0)))
                .toList();
    }
}
