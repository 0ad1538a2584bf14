package org.ruleone.platform.internal;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.ruleone.platform.Uploads;
import org.ruleone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class UploadSweepTests {

    @Autowired Uploads uploads;
    @Autowired UploadSweep sweep;
    @Autowired DataSource dataSource;
    @Autowired Clock clock;

    @Test
    void deletesUploadsNobodyImportedWithinADayAndKeepsTheOthers() throws Exception {
        long associate = 900_000 + System.nanoTime() % 1000;
        Path forgotten = upload(associate, Duration.ofHours(25));
        Path recent = upload(associate, Duration.ofHours(23));
        Path importing = uploads.keepForImport(upload(associate, Duration.ZERO));
        Files.setLastModifiedTime(importing, FileTime.from(clock.instant().minus(Duration.ofDays(3))));

        assertThat(sweep.sweepOnce()).isPositive();

        assertThat(forgotten).doesNotExist();
        assertThat(recent).exists();
        assertThat(importing).as("a file an import still needs").exists();
        uploads.discard(recent);
        uploads.discard(importing);
    }

    @Test
    void leavesTheSweepToTheNodeThatHoldsTheLock() throws Exception {
        Path forgotten = upload(800_000 + System.nanoTime() % 1000, Duration.ofDays(2));
        try (Connection otherNode = dataSource.getConnection(); Statement statement = otherNode.createStatement()) {
            statement.execute("select pg_advisory_lock(hashtext('ruleone-upload-sweep'))");

            assertThat(sweep.sweepOnce()).isEqualTo(-1);
            assertThat(forgotten).exists();

            statement.execute("select pg_advisory_unlock(hashtext('ruleone-upload-sweep'))");
        }
        assertThat(sweep.sweepOnce()).isPositive();
        assertThat(forgotten).doesNotExist();
    }

    private Path upload(long associate, Duration age) throws Exception {
        String token = uploads.store(new ByteArrayInputStream("a,b\n1,2\n".getBytes()), associate);
        Path file = uploads.find(token, associate).orElseThrow();
        Files.setLastModifiedTime(file, FileTime.from(clock.instant().minus(age)));
        return file;
    }
}
