package io.cioconnect.adapter.webhook;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One signing secret of {@code WEBHOOK_SECRETS}: {@code whsec_} and the base64 of 24 to 64 random bytes, as
 * Standard Webhooks libraries take it. Prints {@code [redacted]}.
 */
public final class WebhookSecret {

    static final String PREFIX = "whsec_";
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key;
    }

    /**
     * Parses {@code whsec_<base64>}; an {@link IllegalArgumentException} says what is wrong in words that
     * never repeat the value.
     */
    public static WebhookSecret parse(String text) {
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("each secret must start with " + PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("each secret must be " + PREFIX + " followed by standard base64");
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("each secret must hold " + MIN_BYTES + " to " + MAX_BYTES
                    + " bytes (it holds " + key.length + ")");
        }
        return new WebhookSecret(key);
    }

    /** A new secret of 32 random bytes from {@code bytes}, in its {@code whsec_} form (for {@code dev}). */
    public static String generate(byte[] bytes) {
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** HMAC-SHA256 of {@code content} keyed with this secret. */
    byte[] sign(byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSecret[redacted]";
    }
}
