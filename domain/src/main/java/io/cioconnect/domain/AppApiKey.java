package io.cioconnect.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Customer.io App API key as an end user pasted it: 8 to 512 visible ASCII characters (it travels in
 * an {@code Authorization} header, so nothing else can be right). Its {@code toString()} never prints it.
 */
public record AppApiKey(String value) {

    public static final int MAX_LENGTH = 512;

    private static final Pattern SHAPE = Pattern.compile("[\\x21-\\x7E]{8," + MAX_LENGTH + "}");

    public AppApiKey {
        Secrets.requireValue(value, "AppApiKey");
        if (!SHAPE.matcher(value).matches()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "an App API key is 8 to " + MAX_LENGTH + " visible ASCII characters without spaces");
        }
    }

    /** The key in {@code raw} with surrounding whitespace (a careless paste) dropped; empty when it cannot be one. */
    public static Optional<AppApiKey> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String stripped = raw.strip();
        return SHAPE.matcher(stripped).matches() ? Optional.of(new AppApiKey(stripped)) : Optional.empty();
    }

    /** The credentials an accepted key is stored as: a Bearer token of its region that neither expires nor refreshes. */
    public TokenSet toTokenSet(AppApiRegion region) {
        return new TokenSet(new AccessToken(value), null, TokenType.BEARER, null, Scopes.none(),
                Objects.requireNonNull(region, "region"));
    }

    @Override
    public String toString() {
        return "AppApiKey[redacted]";
    }
}
