package io.cioconnect.domain;

import java.util.regex.Pattern;

/** The host application's name for the user or account a connection belongs to. */
public record Owner(String value) {

    /** Long enough for e-mail addresses and composite keys, short enough to index. */
    public static final int MAX_LENGTH = 200;

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._:@+=/|-]{1," + MAX_LENGTH + "}");

    public Owner {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "owner must be 1-" + MAX_LENGTH + " characters from A-Z a-z 0-9 . _ : @ + = / | -");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
