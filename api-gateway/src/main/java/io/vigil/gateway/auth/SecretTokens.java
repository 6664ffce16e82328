package io.vigil.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API keys and session tokens: 256 random bits behind a prefix that says what they are. Stored as their
 * SHA-256 only. A fast hash is enough here (unlike passwords): nobody can guess 2^256 values, so a
 * stolen table cannot be searched, and lookup by hash is one index probe on every request.
 */
public final class SecretTokens {

    public static final String KEY_PREFIX = "vgk_";
    public static final String SESSION_PREFIX = "vgs_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretTokens() {
    }

    public static String newKey() {
        return KEY_PREFIX + random(32);
    }

    public static String newSession() {
        return SESSION_PREFIX + random(32);
    }

    /** URL-safe random text of {@code bytes} random bytes. */
    public static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    public static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
