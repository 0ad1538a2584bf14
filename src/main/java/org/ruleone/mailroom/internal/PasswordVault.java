package org.ruleone.mailroom.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.ruleone.platform.KeyFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts mailbox passwords with AES-256-GCM before they reach the database. The key is never in the database:
 * it comes from {@code RULEONE_MAILROOM_KEY} (base64, 32 bytes), else, with the embedded database only, from a key
 * file created on first use with owner-only permissions. With a database server several nodes share the passwords,
 * so they must share the key: without {@code RULEONE_MAILROOM_KEY} the application refuses to start (ADR 0075).
 * Each password has its own random nonce and is bound to its store id, so a ciphertext copied to another store's
 * row does not decrypt.
 */
@Component
public class PasswordVault {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String configuredKey;
    private final Path keyFile;
    private volatile SecretKey key;

    PasswordVault(@Value("${ruleone.mailroom.key:}") String configuredKey,
                  @Value("${ruleone.mailroom.key-file:./data/mailroom.key}") Path keyFile,
                  @Value("${spring.datasource.url:}") String databaseServerUrl) {
        this.configuredKey = configuredKey;
        this.keyFile = keyFile;
        if (!configuredKey.isBlank()) {
            key = new SecretKeySpec(decoded(configuredKey), "AES"); // a wrong key stops the start, not the first save
        } else if (!databaseServerUrl.isBlank()) {
            throw new IllegalStateException("""
                    RULEONE_MAILROOM_KEY is not set. With a database server (SPRING_DATASOURCE_URL), every node                     must encrypt the stores' mailbox passwords with the same key: set RULEONE_MAILROOM_KEY on all                     nodes to the same base64 of 32 random bytes, made once with `openssl rand -base64 32`. If mailbox                     passwords were saved before, use the content of the mailroom.key file of the node that saved them.""");
        }
    }

    public byte[] encrypt(long storeId, String password) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(storeId));
            byte[] sealed = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a mailbox password", e);
        }
    }

    public String decrypt(long storeId, byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, stored, 0, NONCE));
            cipher.updateAAD(aad(storeId));
            return new String(cipher.doFinal(stored, NONCE, stored.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt the mailbox password of store " + storeId
                    + " (was the key changed?)");
        }
    }

    private static byte[] aad(long storeId) {
        return ("mailroom-imap-password:" + storeId).getBytes(StandardCharsets.US_ASCII);
    }

    private SecretKey key() {
        SecretKey known = key;
        if (known == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(loadOrCreate(), "AES");
                }
                known = key;
            }
        }
        return known;
    }

    private byte[] loadOrCreate() {
        return decoded(KeyFiles.readOrCreate(keyFile, 32));
    }

    private static byte[] decoded(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The mailroom key (RULEONE_MAILROOM_KEY) is not base64; make one with "
                    + "`openssl rand -base64 32`");
        }
        if (key.length != 32) {
            throw new IllegalStateException("The mailroom key (RULEONE_MAILROOM_KEY) must be 32 bytes in base64, not "
                    + key.length + "; make one with `openssl rand -base64 32`");
        }
        return key;
    }
}
