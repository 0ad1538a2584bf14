package org.ruleone.purchases.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Purchase ids taken from the sequence a block at a time over a connection of their own (the import's connection is
 * busy streaming), so lines can go in before their purchase row. Ids a run does not use are simply never used.
 */
final class PurchaseIds implements AutoCloseable {

    private static final int BLOCK = 8192;

    private final DataSource dataSource;
    private Connection connection;
    private final long[] block = new long[BLOCK];
    private int next = BLOCK;

    PurchaseIds(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    long next() throws SQLException {
        if (next == BLOCK) {
            if (connection == null) {
                connection = dataSource.getConnection();
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(
                         "select nextval('purchase_id_seq') from generate_series(1, " + BLOCK + ")")) {
                for (int i = 0; rs.next(); i++) {
                    block[i] = rs.getLong(1);
                }
            }
            next = 0;
        }
        return block[next++];
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }
}
