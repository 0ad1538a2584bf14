package org.ruleone.mailroom.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordVaultTests {

    static final String SERVER = "jdbc:postgresql://db.example:5432/ruleone";
    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void refusesToStartOnADatabaseServerWithoutASharedKey(@TempDir Path dir) {
        assertThatThrownBy(() -> new PasswordVault("", dir.resolve("mailroom.key"), SERVER))
                .hasMessageContaining("RULEONE_MAILROOM_KEY")
                .hasMessageContaining("openssl rand -base64 32");
        assertThat(dir.resolve("mailroom.key")).doesNotExist();
    }

    @Test
    void readsOnEveryNodeWhatAnotherNodeSavedWithTheSharedKey(@TempDir Path dir) {
        byte[] saved = new PasswordVault(KEY, dir.resolve("node-1/mailroom.key"), SERVER).encrypt(7, "imap secret");
        String read = new PasswordVault(KEY, dir.resolve("node-2/mailroom.key"), SERVER).decrypt(7, saved);
        assertThat(read).isEqualTo("imap secret");
        assertThat(dir.resolve("node-1")).doesNotExist();
    }

    @Test
    void refusesAKeyThatIsNot32BytesAtStart(@TempDir Path dir) {
        assertThatThrownBy(() -> new PasswordVault("c2hvcnQ=", dir.resolve("mailroom.key"), SERVER))
                .hasMessageContaining("32 bytes").hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void keepsAnOwnerOnlyKeyFileWithTheEmbeddedDatabase(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/mailroom.key");
        byte[] saved = new PasswordVault("", file, "").encrypt(7, "imap secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new PasswordVault("", file, "").decrypt(7, saved)).isEqualTo("imap secret");
    }
}
