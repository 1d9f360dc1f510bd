package io.cioconnect.domain;

import java.util.Locale;

/** Why an identified connect flow failed, as reported to {@code return_to} in {@code error=...}. */
public enum FlowError {
    /** The end user (or the provider on their behalf) declined. */
    ACCESS_DENIED,
    /** The provider answered the authorization request with another error. */
    PROVIDER_ERROR,
    /** The code could not be exchanged for tokens. */
    TOKEN_EXCHANGE_FAILED,
    /** Something went wrong on our side. */
    SERVER_ERROR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
