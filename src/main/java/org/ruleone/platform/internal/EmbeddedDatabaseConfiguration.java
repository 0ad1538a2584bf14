package org.ruleone.platform.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With no {@code spring.datasource.url}, Rule One runs its own PostgreSQL; with one, Spring Boot's
 * ordinary data source points at that server and this configuration stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) throws IOException {
        return EmbeddedDatabase.start(properties);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(database.username());
        dataSource.setPassword(database.password());
        dataSource.setPoolName("rule-one");
        return dataSource;
    }

    /** Backups of this database with its key files (ADR 0121); with a server, its own tools do that. */
    @Bean
    DatabaseBackups databaseBackups(JdbcClient jdbc, DataSource dataSource, Clock clock, EmbeddedDatabase database,
                                    @Value("${ruleone.links.key-file}") Path linkKeyFile,
                                    @Value("${ruleone.mailroom.key-file}") Path mailroomKeyFile,
                                    @Value("${ruleone.backup.check-by-restore:true}") boolean checkByRestore) {
        return new DatabaseBackups(jdbc, dataSource, clock, database,
                Map.of("links.key", linkKeyFile, "mailroom.key", mailroomKeyFile), checkByRestore);
    }
}
