package org.ruleone.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ruleone.customers.Client;
import org.ruleone.customers.ClientBook;
import org.ruleone.organization.SignedInAssociate;
import org.ruleone.shared.IllegalTransitionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests to another store to send an item to a client: REQUESTED, then SENT by the store that has it, then
 * RECEIVED by the store of the client; either store may cancel before it arrives.
 */
@Service
public class TransferRequests {

    private static final String SELECT = """
            select r.*, p.sku, p.name as product_name, fs.name as from_name, ts.name as to_name,
                   a.name as requested_by_name
              from transfer_request r join product p on p.id = r.product_id
              join store_directory fs on fs.id = r.from_store_id join store_directory ts on ts.id = r.to_store_id
              join associate_directory a on a.id = r.requested_by
            """;

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final ClientBook clients;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TransferRequests(JdbcClient jdbc, Catalog catalog, ClientBook clients, ApplicationEventPublisher events,
                     Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.clients = clients;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Asks {@code fromStoreId} to send the item to a client the person may see, and publishes {@link ItemRequested}
     * so that store gets a task.
     *
     * @throws IllegalArgumentException when the client is not in the person's scope, the product is unknown, the
     *                                  quantity is not positive, or the client's own store is the one asked
     */
    @Transactional
    public TransferRequest request(long productId, long fromStoreId, long customerId, int quantity, String note,
                                   SignedInAssociate me) {
        Client client = clients.client(customerId, me.storeScope())
                .orElseThrow(() -> new IllegalArgumentException("No client " + customerId));
        Product product = catalog.product(productId)
                .orElseThrow(() -> new IllegalArgumentException("No product " + productId));
        if (quantity < 1) {
            throw new IllegalArgumentException("Quantity must be positive");
        }
        if (client.storeId() == fromStoreId) {
            throw new IllegalArgumentException("The client's own store cannot be asked");
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into transfer_request (product_id, from_store_id, to_store_id, customer_id, quantity, note,
                    status, requested_by, requested_at, updated_by, updated_at)
                values (:p, :from, :to, :c, :q, :note, 'REQUESTED', :by, :at, :by, :at) returning id
                """)
                .param("p", productId).param("from", fromStoreId).param("to", client.storeId())
                .param("c", customerId).param("q", quantity).param("note", note == null ? "" : note.strip())
                .param("by", me.id()).param("at", Timestamp.from(now))
                .query(Long.class).single();
        events.publishEvent(new ItemRequested(id, fromStoreId, client.storeId(), customerId, me.id(), product.sku(),
                product.name(), quantity, now));
        return find(id).orElseThrow();
    }

    /** A request either of whose stores the person may see. */
    public Optional<TransferRequest> find(long id, SignedInAssociate me) {
        return find(id).filter(r -> me.canSeeStore(r.fromStoreId()) || me.canSeeStore(r.toStoreId()));
    }

    /**
     * Moves a request along: only the store asked marks it SENT, only the client's store marks it RECEIVED, either
     * may cancel it; an owner may do anything.
     *
     * @throws IllegalArgumentException when there is no such request for the person
     * @throws IllegalStateException    when the move is not allowed from where the request stands, or not by them
     */
    @Transactional
    public TransferRequest move(long id, TransferStatus to, SignedInAssociate me) {
        TransferRequest r = find(id, me).orElseThrow(() -> new IllegalArgumentException("No request " + id));
        save(r.moveTo(to, me, clock.instant()), r.status(), me.id());
        return find(id).orElseThrow();
    }

    /** Stores a moved request only where it still stands as it was read: of two moves at once, one wins. */
    private void save(TransferRequest moved, TransferStatus from, long by) {
        int changed = jdbc.sql("""
                update transfer_request set status = :to, updated_by = :by, updated_at = :at
                 where id = :id and status = :from
                """)
                .param("to", moved.status().name()).param("by", by).param("at", Timestamp.from(moved.updatedAt()))
                .param("id", moved.id()).param("from", from.name()).update();
        if (changed == 0) {
            throw new IllegalTransitionException("Transfer request " + moved.id(), from, "become " + moved.status()
                    + ": it changed meanwhile");
        }
    }

    /** Requests other stores sent to this one, open ones first. */
    public List<TransferRequest> incoming(long storeId, int limit) {
        return jdbc.sql(SELECT + """
                 where r.from_store_id = :store
                 order by (r.status in ('REQUESTED', 'SENT')) desc, r.requested_at desc limit :limit
                """)
                .param("store", storeId).param("limit", limit).query(TransferRequests::row).list();
    }

    /** Requests this store sent to others. */
    public List<TransferRequest> outgoing(long storeId, int limit) {
        return jdbc.sql(SELECT + " where r.to_store_id = :store order by r.requested_at desc limit :limit")
                .param("store", storeId).param("limit", limit).query(TransferRequests::row).list();
    }

    public List<TransferRequest> forClient(long customerId, int limit) {
        return jdbc.sql(SELECT + " where r.customer_id = :c order by r.requested_at desc, r.id desc limit :limit")
                .param("c", customerId).param("limit", limit).query(TransferRequests::row).list();
    }

    private Optional<TransferRequest> find(long id) {
        return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(TransferRequests::row).optional();
    }

    private static TransferRequest row(ResultSet rs, int n) throws SQLException {
        return new TransferRequest(rs.getLong("id"), rs.getLong("product_id"), rs.getString("sku"),
                rs.getString("product_name"), rs.getLong("from_store_id"), rs.getString("from_name"),
                rs.getLong("to_store_id"), rs.getString("to_name"), rs.getLong("customer_id"), rs.getInt("quantity"),
                rs.getString("note"), TransferStatus.valueOf(rs.getString("status")), rs.getLong("requested_by"),
                rs.getString("requested_by_name"), rs.getTimestamp("requested_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
