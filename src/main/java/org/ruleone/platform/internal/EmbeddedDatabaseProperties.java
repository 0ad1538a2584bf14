package org.ruleone.platform.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL, used when {@code spring.datasource.url} is not set.
 *
 * @param dataDirectory  where the database files live (survives restarts)
 * @param port           TCP port on localhost; 0 picks a free one
 * @param cleanOnStart   wipe the directory first (tests only)
 * @param durable        keep fsync on; only throw-away test databases turn it off
 */
@ConfigurationProperties("ruleone.embedded-db")
record EmbeddedDatabaseProperties(
        @DefaultValue("./data") Path dataDirectory,
        @DefaultValue("0") int port,
        @DefaultValue("false") boolean cleanOnStart,
        @DefaultValue("true") boolean durable,
        @DefaultValue("100") int maxConnections,
        @DefaultValue("128MB") String sharedBuffers) {
}
