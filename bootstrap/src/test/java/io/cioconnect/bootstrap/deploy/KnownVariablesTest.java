package io.cioconnect.bootstrap.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KnownVariablesTest {

    @ParameterizedTest
    @ValueSource(strings = {"PORT", "DATABASE_URL", "DATABASE_PASSWORD_FILE", "ENCRYPTION_KEYS", "API_KEYS_FILE",
        "TRUSTED_PROXIES", "CUSTOMERIO_REGION", "CUSTOMERIO_CLIENT_ID", "CUSTOMERIO_CLIENT_SECRET_FILE", "MY_IDP_ISSUER",
        "ACME_REQUEST_TIMEOUT", "CUSTOMERIO_APP_API_US_URL"})
    void knowsWhatTheServiceReads(String name) {
        assertThat(KnownVariables.isKnown(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DATABASE_URI", "PORT_NUMBER", "API_KEY", "CUSTOMERIO_CLIENT_SECRETS", "CLIENT_ID",
        "ACME_US_URL", "JAVA_TOOL_OPTIONS", "API_KEYS_FILE_FILE", "_FILE", "port"})
    void knowsNothingElse(String name) {
        assertThat(KnownVariables.isKnown(name)).isFalse();
    }
}
