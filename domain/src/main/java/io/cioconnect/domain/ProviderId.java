package io.cioconnect.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** The id of a configured provider, as it appears in paths and variables: {@code customerio}, {@code sandbox}. */
public record ProviderId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public ProviderId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "provider must be 1-40 lower-case letters, digits or '-', starting with a letter");
        }
    }

    /** The prefix of this provider's environment variables: upper case, '-' as '_' ({@code CUSTOMERIO_APP_API}). */
    public String environmentPrefix() {
        return value.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    @Override
    public String toString() {
        return value;
    }
}
