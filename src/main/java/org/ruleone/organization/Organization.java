package org.ruleone.organization;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.ruleone.shared.Language;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Stores and the people who work in them. */
@Service
public class Organization {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final FindByIndexNameSessionRepository<?> sessions;
    private final Clock clock;

    Organization(JdbcClient jdbc, PasswordEncoder passwords, ApplicationEventPublisher events,
                 FindByIndexNameSessionRepository<?> sessions, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.events = events;
        this.sessions = sessions;
        this.clock = clock;
    }

    public boolean hasOwner() {
        return jdbc.sql("select exists (select 1 from associate where role = 'OWNER')").query(Boolean.class).single();
    }

    /** First run: the owner and their first store, in one step. Refused once an owner exists. */
    @Transactional
    public long setUp(String ownerName, String ownerEmail, String rawPassword, StoreDraft firstStore,
                      Language language) {
        // Serialises concurrent first runs so only one owner can ever be created this way.
        jdbc.sql("lock table associate in share row exclusive mode").update();
        if (hasOwner()) {
            throw new IllegalStateException("Rule One is already set up");
        }
        long storeId = createStore(firstStore);
        long ownerId = insertAssociate(new AssociateDraft(ownerName, ownerEmail, Role.OWNER, storeId, null, language),
                rawPassword);
        events.publishEvent(new OwnerSetUp(ownerId, storeId));
        return ownerId;
    }

    // ---- stores

    public List<StoreSummary> stores() {
        return jdbc.sql("select * from store order by name").query(Organization::store).list();
    }

    public List<StoreSummary> storesVisibleTo(SignedInAssociate me) {
        return stores().stream().filter(s -> me.canSeeStore(s.id())).toList();
    }

    /**
     * The store a screen shows this person when it is about one store: their own, whatever they asked for, unless they
     * are the owner; the owner gets the store asked for, else their own store (the first by name may be one they never
     * work in), else the first. Empty when the store asked for does not exist or there is none.
     */
    public Optional<StoreSummary> storeShownTo(SignedInAssociate me, Long wanted) {
        if (!me.isOwner()) {
            return me.storeId() == null ? Optional.empty() : store(me.storeId());
        }
        List<StoreSummary> stores = stores();
        if (wanted != null) {
            return stores.stream().filter(s -> s.id() == wanted).findFirst();
        }
        return stores.stream().filter(s -> me.storeId() != null && s.id() == me.storeId()).findFirst()
                .or(() -> stores.stream().findFirst());
    }

    public Optional<StoreSummary> store(long id) {
        return jdbc.sql("select * from store where id = :id").param("id", id).query(Organization::store).optional();
    }

    /**
     * Today's date where it is latest: in the store's own time zone, or, for the chain (empty), the latest date any
     * store has reached, so a figure "up to today" never leaves out what a store east of UTC did after its midnight.
     */
    public LocalDate today(Optional<Long> storeId) {
        Instant now = clock.instant();
        List<StoreSummary> in = storeId.map(id -> store(id).stream().toList()).orElseGet(this::stores);
        return in.stream().map(s -> LocalDate.ofInstant(now, s.timeZone())).max(Comparator.naturalOrder())
                .orElseGet(() -> LocalDate.ofInstant(now, ZoneOffset.UTC));
    }

    public Optional<StoreSummary> storeNamed(String name) {
        return jdbc.sql("select * from store where lower(name) = lower(:name)").param("name", name)
                .query(Organization::store).optional();
    }

    @Transactional
    public long createStore(StoreDraft draft) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into store (name, address, country, time_zone, language)
                values (:name, :address, :country, :zone, :language)
                """)
                .paramSource(storeParams(draft))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        replaceHours(id, draft.hours());
        return id;
    }

    @Transactional
    public void updateStore(long id, StoreDraft draft) {
        jdbc.sql("""
                update store set name = :name, address = :address, country = :country, time_zone = :zone,
                       language = :language where id = :id
                """)
                .paramSource(storeParams(draft)).param("id", id)
                .update();
        replaceHours(id, draft.hours());
    }

    public List<BusinessHours> hours(long storeId) {
        return jdbc.sql("select day_of_week, opens_at, closes_at from store_hours where store_id = :id order by day_of_week")
                .param("id", storeId)
                .query((rs, n) -> new BusinessHours(DayOfWeek.of(rs.getInt(1)), rs.getTime(2).toLocalTime(),
                        rs.getTime(3).toLocalTime()))
                .list();
    }

    /** A store's time zone and opening hours. */
    public record OpeningHours(ZoneId timeZone, List<BusinessHours> hours) {
    }

    /**
     * The store's time zone with its opening hours, read in one statement (a case's due times need both when it
     * opens, in the opening's transaction); empty for an unknown store.
     */
    public Optional<OpeningHours> openingHours(long storeId) {
        List<Object[]> rows = jdbc.sql("""
                select s.time_zone, h.day_of_week, h.opens_at, h.closes_at
                  from store s left join store_hours h on h.store_id = s.id
                 where s.id = :id order by h.day_of_week
                """)
                .param("id", storeId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2) == null ? null
                        : new BusinessHours(DayOfWeek.of(rs.getInt(2)), rs.getTime(3).toLocalTime(),
                        rs.getTime(4).toLocalTime())})
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<BusinessHours> hours = rows.stream().map(r -> (BusinessHours) r[1]).filter(Objects::nonNull).toList();
        return Optional.of(new OpeningHours(ZoneId.of((String) rows.getFirst()[0]), hours));
    }

    private void replaceHours(long storeId, List<BusinessHours> hours) {
        jdbc.sql("delete from store_hours where store_id = :id").param("id", storeId).update();
        for (BusinessHours h : hours) {
            jdbc.sql("insert into store_hours values (:id, :day, :opens, :closes)")
                    .param("id", storeId).param("day", h.day().getValue())
                    .param("opens", java.sql.Time.valueOf(h.opensAt()))
                    .param("closes", java.sql.Time.valueOf(h.closesAt()))
                    .update();
        }
    }

    private static java.util.Map<String, Object> storeParams(StoreDraft d) {
        return java.util.Map.of("name", d.name().strip(), "address", d.address() == null ? "" : d.address().strip(),
                "country", d.country() == null ? "" : d.country().strip(), "zone", d.timeZone().getId(),
                "language", d.language().code());
    }

    private static StoreSummary store(ResultSet rs, int row) throws SQLException {
        return new StoreSummary(rs.getLong("id"), rs.getString("name"), rs.getString("address"),
                rs.getString("country"), ZoneId.of(rs.getString("time_zone")),
                Language.fromCode(rs.getString("language")).orElse(Language.EN));
    }

    // ---- associates

    public List<AssociateSummary> associates(Optional<Long> storeId) {
        return jdbc.sql("""
                select * from associate where (cast(:store as bigint) is null or store_id = :store)
                 order by active desc, name
                """)
                .param("store", storeId.orElse(null))
                .query(Organization::associate).list();
    }

    /**
     * Whether this person may act in this store (own or answer a case, take a call, keep a client, do a task): an
     * owner in every store, a manager or an associate in their own store only, and nobody once deactivated. The
     * one rule every module asks; {@code false} for nobody by this id.
     */
    public boolean mayActIn(long associateId, long storeId) {
        return associate(associateId).filter(a -> a.mayActIn(storeId)).isPresent();
    }

    static boolean mayActIn(Role role, Long homeStore, boolean active, long store) {
        return active && (role == Role.OWNER || (homeStore != null && homeStore == store));
    }

    public Optional<AssociateSummary> associate(long id) {
        return jdbc.sql("select * from associate where id = :id").param("id", id)
                .query(Organization::associate).optional();
    }

    @Transactional
    public long createAssociate(AssociateDraft draft, String rawPassword) {
        return insertAssociate(draft, rawPassword);
    }

    /**
     * Saves an associate's details. A change of role, store or e-mail ends their other sessions, so no open
     * session keeps rights it no longer has.
     */
    @Transactional
    public void updateAssociate(long id, AssociateDraft draft) {
        Optional<AssociateSummary> before = associate(id);
        try {
            jdbc.sql("""
                    update associate set name = :name, email = :email, role = :role, store_id = :store,
                           hire_date = :hired, language = :language where id = :id
                    """)
                    .params(associateParams(draft)).param("id", id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new EmailAlreadyUsedException(draft.email());
        }
        AssociateSummary after = associate(id).orElseThrow();
        if (before.filter(b -> b.role() == after.role() && Objects.equals(b.storeId(), after.storeId())
                && b.email().equals(after.email())).isEmpty()) {
            endOtherSessions(id);
        }
    }

    /** Sets a new password and ends the associate's other sessions. */
    @Transactional
    public void setPassword(long id, String rawPassword) {
        jdbc.sql("update associate set password_hash = :hash where id = :id")
                .param("hash", hash(rawPassword)).param("id", id).update();
        endOtherSessions(id);
    }

    /** Switches an associate off and ends every session they have open, on every node. */
    @Transactional
    public void deactivate(long id) {
        associate(id).filter(AssociateSummary::active).ifPresent(a -> {
            jdbc.sql("update associate set active = false, deactivated_at = :at where id = :id")
                    .param("at", java.sql.Timestamp.from(clock.instant())).param("id", id).update();
            endOtherSessions(id);
            events.publishEvent(new AssociateDeactivated(id, a.storeId()));
        });
    }

    /**
     * True while the associate behind a session is active and still has the role, store, e-mail and password
     * they signed in with. Asked on every request, so it is one look-up by primary key.
     */
    public boolean stillSignedInAs(SignedInAssociate signedIn) {
        return jdbc.sql("""
                select exists (select 1 from associate
                                where id = :id and active and role = :role and store_id is not distinct from :store
                                  and email = :email and password_hash = :hash)
                """)
                .param("id", signedIn.id()).param("role", signedIn.role().name()).param("store", signedIn.storeId())
                .param("email", signedIn.email()).param("hash", signedIn.passwordHash())
                .query(Boolean.class).single();
    }

    /** The name under which an associate's sessions are indexed: their id, which never changes. */
    public static String sessionIndex(long associateId) {
        return Long.toString(associateId);
    }

    /**
     * Deletes the associate's sessions on every node, except the one making the change (an owner editing
     * themselves stays signed in; their own session is refreshed by the screen that made the change).
     */
    private void endOtherSessions(long id) {
        String current = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && request.getRequest().getSession(false) != null ? request.getRequest().getSession(false).getId() : null;
        sessions.findByPrincipalName(sessionIndex(id)).keySet().stream()
                .filter(session -> !session.equals(current))
                .forEach(sessions::deleteById);
    }

    @Transactional
    public void reactivate(long id) {
        jdbc.sql("update associate set active = true, deactivated_at = null where id = :id").param("id", id).update();
    }

    public void rememberLanguage(String email, Language language) {
        jdbc.sql("update associate set language = :language where lower(email) = lower(:email)")
                .param("language", language.code()).param("email", email).update();
    }

    public Optional<SignedInAssociate> signInDetails(String email) {
        return jdbc.sql("select * from associate where lower(email) = lower(:email)")
                .param("email", email == null ? "" : email.strip())
                .query((rs, n) -> new SignedInAssociate(rs.getLong("id"), rs.getString("name"),
                        rs.getString("email"), Role.valueOf(rs.getString("role")),
                        (Long) rs.getObject("store_id"),
                        Language.fromCode(rs.getString("language")).orElse(Language.EN),
                        rs.getString("password_hash"), rs.getBoolean("active")))
                .optional();
    }

    private long insertAssociate(AssociateDraft draft, String rawPassword) {
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into associate (name, email, password_hash, role, store_id, hire_date, language)
                    values (:name, :email, :hash, :role, :store, :hired, :language)
                    """)
                    .params(associateParams(draft)).param("hash", hash(rawPassword))
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new EmailAlreadyUsedException(draft.email());
        }
        return keys.getKey().longValue();
    }

    private String hash(String rawPassword) {
        if (rawPassword == null || !PasswordRules.fitsHash(rawPassword)) {
            throw new IllegalArgumentException("A password must be at most " + PasswordRules.MAX_BYTES + " bytes");
        }
        return passwords.encode(rawPassword);
    }

    private static java.util.Map<String, Object> associateParams(AssociateDraft d) {
        var params = new java.util.HashMap<String, Object>();
        params.put("name", d.name().strip());
        params.put("email", d.email().strip().toLowerCase(Locale.ROOT));
        params.put("role", d.role().name());
        params.put("store", d.storeId());
        params.put("hired", d.hireDate() == null ? null : Date.valueOf(d.hireDate()));
        params.put("language", d.language().code());
        return params;
    }

    private static AssociateSummary associate(ResultSet rs, int row) throws SQLException {
        Date hired = rs.getDate("hire_date");
        return new AssociateSummary(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
                Role.valueOf(rs.getString("role")), (Long) rs.getObject("store_id"),
                hired == null ? null : hired.toLocalDate(),
                Language.fromCode(rs.getString("language")).orElse(Language.EN), rs.getBoolean("active"));
    }
}
