package org.ruleone.experience;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.mail.Outbox;
import org.ruleone.organization.Organization;
import org.ruleone.organization.StoreSummary;
import org.ruleone.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mystery shoppers of each store: add, edit, deactivate, their visits and how reliable they are (ADR 0100).
 * Every method takes the store scope of the person asking (empty for the owner): a shopper of another store does not
 * exist for them.
 */
@Component
public class MysteryShoppers {

    public static final int MAX_NAME = 200;
    public static final int MAX_EMAIL = 320;
    public static final int MAX_GIFT = 200;
    /** numeric(12, 2): ten digits before the point. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085]");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final String COLUMNS = """
            id, store_id, name, email, language, kind, customer_id, reward_kind, reward_amount, reward_currency,
            reward_gift, active, created_at""";

    private final JdbcClient jdbc;
    private final ClientBook clients;
    private final Organization organization;
    private final Clock clock;

    MysteryShoppers(JdbcClient jdbc, ClientBook clients, Organization organization, Clock clock) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.organization = organization;
        this.clock = clock;
    }

    /** The shoppers in the scope, the active ones first, by name. */
    public List<MysteryShopper> list(Optional<Long> scope) {
        return jdbc.sql("select " + COLUMNS + " from mystery_shopper where (cast(:store as bigint) is null or store_id = :store)"
                        + " order by not active, lower(name), id")
                .param("store", scope.orElse(null)).query(MysteryShoppers::read).list();
    }

    /** The shoppers a visit of this store may be given to. */
    public List<MysteryShopper> active(long storeId) {
        return list(Optional.of(storeId)).stream().filter(MysteryShopper::active).toList();
    }

    public Optional<MysteryShopper> find(long id, Optional<Long> scope) {
        return jdbc.sql("select " + COLUMNS + " from mystery_shopper where id = :id").param("id", id)
                .query(MysteryShoppers::read).optional()
                .filter(s -> scope.isEmpty() || scope.get() == s.storeId());
    }

    /** What is wrong with a draft, field by field (field name to message key); empty when it can be stored. */
    public Map<String, String> problems(MysteryShopperDraft draft, Optional<Long> scope) {
        try {
            checked(draft, scope);
            return Map.of();
        } catch (MysteryRefused e) {
            return e.problems();
        }
    }

    /**
     * Adds a shopper to a store in the scope.
     *
     * @throws MysteryRefused with what is wrong, field by field; nothing is stored
     */
    @Transactional
    public long add(MysteryShopperDraft draft, Optional<Long> scope, long addedBy) {
        MysteryShopperDraft clean = checked(draft, scope);
        return jdbc.sql("""
                insert into mystery_shopper (store_id, name, email, language, kind, customer_id, reward_kind,
                                             reward_amount, reward_currency, reward_gift, created_by, created_at)
                values (:store, :name, :email, :language, :kind, :customer, :rewardKind, :amount, :currency, :gift,
                        :by, :at)
                returning id
                """)
                .params(columns(clean)).param("by", addedBy).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    /**
     * Changes what is known of a shopper; they stay in their store. Visits already scheduled keep the reward they
     * were scheduled with.
     *
     * @throws MysteryRefused with what is wrong, field by field (a shopper outside the scope: field "id")
     */
    @Transactional
    public void update(long id, MysteryShopperDraft draft, Optional<Long> scope) {
        MysteryShopper current = find(id, scope).orElseThrow(() -> MysteryRefused.of("id",
                "experience.mystery.shopper.error.unknown"));
        MysteryShopperDraft clean = checked(new MysteryShopperDraft(current.storeId(), draft.name(), draft.email(),
                draft.language(), draft.kind(), draft.customerId(), draft.reward()), scope);
        jdbc.sql("""
                update mystery_shopper set name = :name, email = :email, language = :language, kind = :kind,
                       customer_id = :customer, reward_kind = :rewardKind, reward_amount = :amount,
                       reward_currency = :currency, reward_gift = :gift
                 where id = :id
                """).params(columns(clean)).param("id", id).update();
    }

    /** A shopper who no longer shops for the store: kept with their history, offered for no new visit. */
    public boolean deactivate(long id, Optional<Long> scope) {
        return setActive(id, scope, false);
    }

    public boolean reactivate(long id, Optional<Long> scope) {
        return setActive(id, scope, true);
    }

    private boolean setActive(long id, Optional<Long> scope, boolean active) {
        return find(id, scope).map(s -> jdbc.sql("update mystery_shopper set active = :a where id = :id")
                .param("a", active).param("id", id).update() == 1).orElse(false);
    }

    /** The visits given to a shopper, the latest window first. */
    public List<MysteryVisit> history(long shopperId) {
        return jdbc.sql("select " + MysteryVisits.COLUMNS + " from mystery_visit where shopper_id = :id"
                        + " order by window_from desc, id desc")
                .param("id", shopperId).query((rs, n) -> MysteryVisits.read(rs)).list();
    }

    /** How reliable a shopper has been until now (ADR 0100). */
    public MysteryReliability reliability(long shopperId) {
        Instant now = clock.instant();
        Map<Long, ZoneId> zones = new HashMap<>();
        int onTime = 0;
        int due = 0;
        int accepted = 0;
        int decided = 0;
        for (Visit v : jdbc.sql("""
                        select store_id, window_to, status, first_submitted_at, accepted_at, returned_at
                          from mystery_visit where shopper_id = :id and status <> 'CANCELLED'
                        """)
                .param("id", shopperId)
                .query((rs, n) -> new Visit(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3),
                        instant(rs, 4), instant(rs, 5), instant(rs, 6)))
                .list()) {
            ZoneId zone = zones.computeIfAbsent(v.storeId(), s -> organization.store(s).map(StoreSummary::timeZone)
                    .orElse(ZoneId.of("UTC")));
            Instant windowEnds = v.windowTo().plusDays(1).atStartOfDay(zone).toInstant();
            if (v.firstSubmittedAt() != null || !now.isBefore(windowEnds)) {
                due++;
                if (v.firstSubmittedAt() != null && v.firstSubmittedAt().isBefore(windowEnds)) {
                    onTime++;
                }
            }
            if (v.acceptedAt() != null || v.returnedAt() != null) {
                decided++;
                if (MysteryVisitStatus.ACCEPTED.name().equals(v.status())) {
                    accepted++;
                }
            }
        }
        return new MysteryReliability(onTime, due, accepted, decided);
    }

    private record Visit(long storeId, java.time.LocalDate windowTo, String status, Instant firstSubmittedAt,
                         Instant acceptedAt, Instant returnedAt) {
    }

    /** The draft with the best client's details filled in where blank and the store's currency; or refused. */
    private MysteryShopperDraft checked(MysteryShopperDraft d, Optional<Long> scope) {
        Map<String, String> problems = new LinkedHashMap<>();
        Optional<StoreSummary> store = organization.store(d.storeId())
                .filter(s -> scope.isEmpty() || scope.get() == s.id());
        if (store.isEmpty()) {
            problems.put("storeId", "experience.mystery.shopper.error.store");
        }
        if (d.kind() == null) {
            problems.put("kind", "experience.mystery.shopper.error.kind");
        }
        Optional<Client> client = Optional.empty();
        if (d.kind() == MysteryShopperKind.BEST_CLIENT) {
            // A client of the shopper's store only, which the person asking may see as the store is in their scope.
            client = d.customerId() == null || store.isEmpty() ? Optional.empty()
                    : clients.client(d.customerId(), Optional.of(store.get().id()));
            if (client.isEmpty()) {
                problems.put("customerId", "experience.mystery.shopper.error.client");
            }
        }
        String name = blank(d.name()) ? client.map(Client::displayName).orElse("") : d.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME || CONTROL.matcher(name).find()) {
            problems.put("name", "experience.mystery.shopper.error.name");
        }
        String email = blank(d.email()) ? client.map(Client::email).orElse("") : d.email();
        if (!validEmail(email)) {
            problems.put("email", "experience.mystery.shopper.error.email");
        }
        Language language = d.language() != null ? d.language() : client.map(Client::language).orElse(null);
        if (language == null) {
            problems.put("language", "experience.mystery.shopper.error.language");
        }
        MysteryReward reward = reward(d.reward(), store.map(StoreSummary::currencyCode)
                .orElse(StoreSummary.DEFAULT_CURRENCY), problems);
        if (!problems.isEmpty()) {
            throw new MysteryRefused(problems);
        }
        return new MysteryShopperDraft(d.storeId(), name, email.strip(), language, d.kind(),
                client.map(Client::id).orElse(null), reward);
    }

    /** One plain address: nothing a mail header could be split on, whatever is around it. */
    static boolean validEmail(String email) {
        return email != null && !CONTROL.matcher(email).find() && email.strip().length() <= MAX_EMAIL
                && email.strip().indexOf('@') > 0 && Outbox.accepts(email);
    }

    private static MysteryReward reward(MysteryReward r, String storeCurrency, Map<String, String> problems) {
        if (r == null || r.kind() == null) {
            problems.put("rewardKind", "experience.mystery.shopper.error.rewardKind");
            return null;
        }
        String currency = blank(r.currency()) ? storeCurrency : r.currency().strip().toUpperCase(java.util.Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            problems.put("rewardCurrency", "experience.mystery.shopper.error.currency");
        }
        BigDecimal amount = r.amount();
        if (r.kind() == MysteryReward.Kind.MONEY && amount == null) {
            problems.put("rewardAmount", "experience.mystery.shopper.error.amount");
        } else if (amount != null && (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0
                || amount.stripTrailingZeros().scale() > 2)) {
            problems.put("rewardAmount", "experience.mystery.shopper.error.amount");
        }
        String gift = r.gift().strip();
        if (r.kind() == MysteryReward.Kind.GIFT && (gift.isEmpty() || gift.length() > MAX_GIFT
                || CONTROL.matcher(gift).find())) {
            problems.put("rewardGift", "experience.mystery.shopper.error.gift");
        }
        return r.kind() == MysteryReward.Kind.MONEY ? MysteryReward.money(amount, currency)
                : MysteryReward.gift(gift, amount, currency);
    }

    private static Map<String, Object> columns(MysteryShopperDraft d) {
        Map<String, Object> p = new HashMap<>();
        p.put("store", d.storeId());
        p.put("name", d.name());
        p.put("email", d.email());
        p.put("language", d.language().code());
        p.put("kind", d.kind().name());
        p.put("customer", d.customerId());
        p.put("rewardKind", d.reward().kind().name());
        p.put("amount", d.reward().amount());
        p.put("currency", d.reward().amount() == null ? null : d.reward().currency());
        p.put("gift", d.reward().gift());
        return p;
    }

    private static MysteryShopper read(ResultSet rs, int row) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("reward_amount");
        return new MysteryShopper(rs.getLong("id"), rs.getLong("store_id"), rs.getString("name"),
                rs.getString("email"), Language.fromCode(rs.getString("language")).orElse(Language.EN),
                MysteryShopperKind.valueOf(rs.getString("kind")), rs.getObject("customer_id", Long.class),
                new MysteryReward(MysteryReward.Kind.valueOf(rs.getString("reward_kind")), amount,
                        rs.getString("reward_currency"), rs.getString("reward_gift")),
                rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant());
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
