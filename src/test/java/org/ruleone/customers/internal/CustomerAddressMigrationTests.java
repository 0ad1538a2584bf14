package org.ruleone.customers.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V104 and V105 on a database that already has clients, some sharing an e-mail address or a phone number written
 * in different ways: nobody is lost or changed, and each address finds the oldest client who has it.
 */
class CustomerAddressMigrationTests {

    @Test
    void givesEachExistingAddressToItsOldestClientAndKeepsEveryClient() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Flyway before = flyway(postgres, "103");
            before.migrate();
            JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
            long uk = jdbc.sql("insert into store (name, country, time_zone, language) values ('London', "
                    + "'United Kingdom', 'Europe/London', 'en') returning id").query(Long.class).single();
            long pl = jdbc.sql("insert into store (name, country, time_zone, language) values ('Kraków', '', "
                    + "'Europe/Warsaw', 'pl') returning id").query(Long.class).single();
            long mother = client(jdbc, uk, "Anna", "family@example.com", "020 7946 0000", "United Kingdom");
            long son = client(jdbc, uk, "Piotr", " Family@Example.com", "+44 (0)20 7946 0000", "");
            long other = client(jdbc, pl, "Ola", "family@example.com", "+999 123 456", "");
            long national = client(jdbc, pl, "Jan", null, "22 555 01 01", "");
            client(jdbc, pl, "Nobody", null, null, "");

            flyway(postgres, "105").migrate();

            assertThat(jdbc.sql("select count(*) from customer").query(Integer.class).single()).isEqualTo(5);
            assertThat(jdbc.sql("select email from customer where id = :id").param("id", son)
                    .query(String.class).single()).isEqualTo(" Family@Example.com");
            assertThat(jdbc.sql("select store_id, address, customer_id from customer_address order by customer_id, address")
                    .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getLong(3)).list())
                    .containsExactly(
                            uk + " +442079460000 " + mother,
                            uk + " family@example.com " + mother,
                            pl + " 999123456 " + other,
                            pl + " family@example.com " + other,
                            pl + " 225550101 " + national);
        }
    }

    private static long client(JdbcClient jdbc, long store, String name, String email, String phone,
                               String country) {
        return jdbc.sql("""
                insert into customer (store_id, first_name, email, phone, country) values (:s, :n, :e, :p, :c)
                returning id""")
                .param("s", store).param("n", name).param("e", email).param("p", phone).param("c", country)
                .query(Long.class).single();
    }

    private static Flyway flyway(EmbeddedPostgres postgres, String target) {
        return Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration")
                .javaMigrations(new PhoneAddressesMigration()).target(target).load();
    }
}
