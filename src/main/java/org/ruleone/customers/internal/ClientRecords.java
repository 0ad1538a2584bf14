package org.ruleone.customers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.MonthDay;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruleone.customers.Client;
import org.ruleone.customers.ClientDraft;
import org.ruleone.customers.ClientSummary;
import org.ruleone.customers.DateKind;
import org.ruleone.customers.ImportantDate;
import org.ruleone.customers.PostalAddress;
import org.ruleone.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Clients, their tags and dates in the database. Every read and write that takes a client id also takes the
 * store scope of the person asking ({@code null} for an owner), because client ids are guessable.
 */
@Repository
public class ClientRecords {

    static final String SUMMARY_COLUMNS =
            "c.id, c.store_id, c.external_id, c.first_name, c.last_name, c.email, c.phone, c.city, c.associate_id";

    /** Shortest tail of digits two numbers must share to be the same line. */
    static final int MIN_SAME_LINE_DIGITS = 7;

    private final JdbcClient jdbc;

    ClientRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(ClientDraft draft, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into customer (store_id, external_id, first_name, last_name, email, phone, address_line1,
                                      address_line2, postal_code, city, region, country, language, sizes, notes,
                                      associate_id, created_at, updated_at)
                values (:store, :externalId, :firstName, :lastName, :email, :phone, :line1, :line2, :postalCode,
                        :city, :region, :country, :language, :sizes, :notes, :associate, :at, :at)
                """)
                .params(params(draft)).param("at", Timestamp.from(at))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        replaceTagsAndDates(id, draft);
        return id;
    }

    /** @return false when no client with this id is in scope */
    public boolean update(long id, Long scope, ClientDraft draft, Instant at) {
        int rows = jdbc.sql("""
                update customer set store_id = :store, external_id = :externalId, first_name = :firstName,
                       last_name = :lastName, email = :email, phone = :phone, address_line1 = :line1,
                       address_line2 = :line2, postal_code = :postalCode, city = :city, region = :region,
                       country = :country, language = :language, sizes = :sizes, notes = :notes,
                       associate_id = :associate, updated_at = :at
                 where id = :id and (cast(:scope as bigint) is null or store_id = :scope)
                """)
                .params(params(draft)).param("at", Timestamp.from(at)).param("id", id).param("scope", scope)
                .update();
        if (rows == 0) {
            return false;
        }
        replaceTagsAndDates(id, draft);
        return true;
    }

    public Optional<Client> find(long id, Long scope) {
        return jdbc.sql("""
                select * from customer where id = :id and (cast(:scope as bigint) is null or store_id = :scope)
                """)
                .param("id", id).param("scope", scope)
                .query(ClientRecords::client)
                .optional()
                .map(c -> new Client(c.id(), c.storeId(), c.externalId(), c.firstName(), c.lastName(), c.email(),
                        c.phone(), c.address(), c.language(), c.sizes(), tags(id), dates(id), c.notes(),
                        c.associateId(), c.createdAt(), c.updatedAt()));
    }

    public Optional<Long> storeOf(long id, Long scope) {
        return jdbc.sql("select store_id from customer where id = :id and (cast(:scope as bigint) is null or store_id = :scope)")
                .param("id", id).param("scope", scope)
                .query(Long.class).optional();
    }

    public Optional<Language> languageOf(long id) {
        return jdbc.sql("select language from customer where id = :id").param("id", id)
                .query((rs, n) -> Language.fromCode(rs.getString(1)).orElse(Language.EN)).optional();
    }

    public Optional<Language> languageOf(long id, long storeId) {
        return jdbc.sql("select language from customer where id = :id and store_id = :store")
                .param("id", id).param("store", storeId)
                .query((rs, n) -> Language.fromCode(rs.getString(1)).orElse(Language.EN)).optional();
    }

    /** Whether another client of this store has this POS number (numbers are per store). */
    public boolean externalIdTaken(long storeId, String externalId, Long exceptId) {
        return jdbc.sql("""
                select exists (select 1 from customer where store_id = :store and external_id = :externalId
                                and (cast(:except as bigint) is null or id <> :except))
                """)
                .param("store", storeId).param("externalId", externalId).param("except", exceptId)
                .query(Boolean.class).single();
    }

    public List<ClientSummary> summaries(java.util.Collection<Long> ids, Long scope) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + SUMMARY_COLUMNS + """
                 from customer c where c.id = any(:ids) and (cast(:scope as bigint) is null or c.store_id = :scope)
                """)
                .param("ids", ids.toArray(Long[]::new)).param("scope", scope)
                .query(ClientRecords::summary).list();
    }

    public List<ClientSummary> assignedTo(long associateId, int limit) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + """
                 from customer c where c.associate_id = :associate
                 order by lower(c.last_name), lower(c.first_name), c.id limit :limit
                """)
                .param("associate", associateId).param("limit", limit)
                .query(ClientRecords::summary).list();
    }

    public int countAssignedTo(long associateId) {
        return jdbc.sql("select count(*) from customer where associate_id = :associate")
                .param("associate", associateId).query(Integer.class).single();
    }

    /** The clients in scope (every store's when the scope is null), most recently changed first. */
    public List<ClientSummary> latest(Long scope, int limit) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + """
                 from customer c where (cast(:scope as bigint) is null or c.store_id = :scope)
                 order by c.updated_at desc, c.id desc limit :limit
                """)
                .param("scope", scope).param("limit", limit)
                .query(ClientRecords::summary).list();
    }

    public int count(Long scope) {
        return jdbc.sql("select count(*) from customer where (cast(:scope as bigint) is null or store_id = :scope)")
                .param("scope", scope).query(Integer.class).single();
    }

    /** @return false when no client with this id is in scope */
    public boolean assign(long id, Long scope, long associateId, Instant at) {
        return jdbc.sql("""
                update customer set associate_id = :associate, updated_at = :at
                 where id = :id and (cast(:scope as bigint) is null or store_id = :scope)
                """)
                .param("associate", associateId).param("at", Timestamp.from(at)).param("id", id).param("scope", scope)
                .update() == 1;
    }

    /** @return how many clients moved */
    public int reassignBook(long storeId, long fromAssociate, long toAssociate, Instant at) {
        return jdbc.sql("""
                update customer set associate_id = :to, updated_at = :at
                 where associate_id = :from and store_id = :store
                """)
                .param("to", toAssociate).param("from", fromAssociate).param("store", storeId)
                .param("at", Timestamp.from(at))
                .update();
    }

    private void replaceTagsAndDates(long id, ClientDraft draft) {
        jdbc.sql("delete from customer_tag where customer_id = :id").param("id", id).update();
        if (!draft.tags().isEmpty()) {
            jdbc.sql("""
                    insert into customer_tag (customer_id, tag)
                    select :id, t from unnest(cast(:tags as text[])) as t on conflict do nothing
                    """)
                    .param("id", id).param("tags", draft.tags().toArray(String[]::new))
                    .update();
        }
        jdbc.sql("delete from customer_date where customer_id = :id").param("id", id).update();
        for (ImportantDate d : draft.dates()) {
            jdbc.sql("""
                    insert into customer_date (customer_id, kind, label, month, day, year)
                    values (:id, :kind, :label, :month, :day, :year)
                    """)
                    .param("id", id).param("kind", d.kind().name()).param("label", d.label())
                    .param("month", d.monthDay().getMonthValue()).param("day", d.monthDay().getDayOfMonth())
                    .param("year", d.year())
                    .update();
        }
    }

    private List<String> tags(long id) {
        return jdbc.sql("select tag from customer_tag where customer_id = :id order by lower(tag)").param("id", id)
                .query(String.class).list();
    }

    private List<ImportantDate> dates(long id) {
        return jdbc.sql("select * from customer_date where customer_id = :id order by month, day, id").param("id", id)
                .query((rs, n) -> new ImportantDate(DateKind.valueOf(rs.getString("kind")), rs.getString("label"),
                        MonthDay.of(rs.getInt("month"), rs.getInt("day")), (Integer) rs.getObject("year", Integer.class)))
                .list();
    }

    private static Map<String, Object> params(ClientDraft d) {
        Map<String, Object> p = new HashMap<>();
        p.put("store", d.storeId());
        p.put("externalId", blankToNull(d.externalId()));
        p.put("firstName", strip(d.firstName()));
        p.put("lastName", strip(d.lastName()));
        p.put("email", blankToNull(d.email()));
        p.put("phone", blankToNull(d.phone()));
        p.put("line1", d.address().line1());
        p.put("line2", d.address().line2());
        p.put("postalCode", d.address().postalCode());
        p.put("city", d.address().city());
        p.put("region", d.address().region());
        p.put("country", d.address().country());
        p.put("language", d.language().code());
        p.put("sizes", strip(d.sizes()));
        p.put("notes", strip(d.notes()));
        p.put("associate", d.associateId());
        return p;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Client client(ResultSet rs, int row) throws SQLException {
        return new Client(rs.getLong("id"), rs.getLong("store_id"), rs.getString("external_id"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"), rs.getString("phone"),
                new PostalAddress(rs.getString("address_line1"), rs.getString("address_line2"),
                        rs.getString("postal_code"), rs.getString("city"), rs.getString("region"),
                        rs.getString("country")),
                Language.fromCode(rs.getString("language")).orElse(Language.EN), rs.getString("sizes"), List.of(), List.of(),
                rs.getString("notes"), (Long) rs.getObject("associate_id", Long.class),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    static ClientSummary summary(ResultSet rs, int row) throws SQLException {
        return new ClientSummary(rs.getLong("id"), rs.getLong("store_id"), rs.getString("external_id"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"), rs.getString("phone"),
                rs.getString("city"), rs.getObject("associate_id", Long.class));
    }

    // ---- the addresses by which a store finds its clients (ADR 0087)

    /** The client of this store found by this address (as {@link ContactAddresses} writes it). */
    public Optional<Long> holderOf(long storeId, String address) {
        return jdbc.sql("select customer_id from customer_address where store_id = :store and address = :address")
                .param("store", storeId).param("address", address)
                .query(Long.class).optional();
    }

    /**
     * The oldest client of this store with a phone number written in a way the store's country could not settle:
     * one number's digits end with the other's ("+44 20 7946 0000" and "020 7946 0000" where the store names no
     * country), leading zeros aside, at least seven digits each.
     */
    public Optional<Long> sameLineHolder(long storeId, String phoneAddress) {
        String digits = phoneAddress.replaceAll("[^0-9]", "").replaceFirst("^0+", "");
        if (digits.length() < MIN_SAME_LINE_DIGITS) {
            return Optional.empty();
        }
        return jdbc.sql("""
                with line as (
                       select customer_id, ltrim(translate(address, '+', ''), '0') as digits
                         from customer_address where store_id = :store and address not like '%@%')
                select min(customer_id) from line
                 where length(digits) >= :min and (digits like '%' || :digits or :digits like '%' || digits)
                """)
                .param("store", storeId).param("digits", digits).param("min", MIN_SAME_LINE_DIGITS)
                .query(Long.class).optional();
    }

    /**
     * Makes this address find this client unless it already finds another: the key on (store, address) decides
     * between two transactions claiming it at once, the second waiting for the first.
     *
     * @return whether this client holds the address now
     */
    public boolean claim(long storeId, String address, long customerId) {
        jdbc.sql("""
                insert into customer_address (store_id, address, customer_id) values (:store, :address, :id)
                on conflict (store_id, address) do nothing
                """)
                .param("store", storeId).param("address", address).param("id", customerId)
                .update();
        return holderOf(storeId, address).filter(id -> id == customerId).isPresent();
    }

    /** A store and an address that no longer finds anybody. */
    public record FreedAddress(long storeId, String address) {
    }

    /** Lets go of the client's addresses other than these, in any store other than this one. */
    public List<FreedAddress> releaseOthers(long customerId, long storeId, Collection<String> kept) {
        return jdbc.sql("""
                delete from customer_address
                 where customer_id = :id and (store_id <> :store or address <> all(cast(:kept as text[])))
                returning store_id, address
                """)
                .param("id", customerId).param("store", storeId).param("kept", kept.toArray(String[]::new))
                .query((rs, n) -> new FreedAddress(rs.getLong(1), rs.getString(2))).list();
    }

    /**
     * The clients of a store who may have written this address another way, oldest first: the same e-mail
     * address, or a phone number ending with the same seven digits.
     */
    public List<ClientSummary> mayHave(long storeId, String address) {
        String digits = address.contains("@") ? "" : address.replaceAll("[^0-9]", "");
        String tail = digits.length() > 7 ? digits.substring(digits.length() - 7) : digits;
        return jdbc.sql("select " + SUMMARY_COLUMNS + """
                 from customer c
                 where c.store_id = :store
                   and (lower(btrim(c.email)) = :address or (:tail <> '' and c.phone_digits like '%' || :tail))
                 order by c.id
                """)
                .param("store", storeId).param("address", address).param("tail", tail)
                .query(ClientRecords::summary).list();
    }

    /** Removes a client added a moment ago in this transaction, before anything refers to it. */
    public void forget(long id) {
        jdbc.sql("delete from customer where id = :id").param("id", id).update();
    }
}
