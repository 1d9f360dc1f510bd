package io.cioconnect.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET /oauth/customerio/callback?code=abc123&state=xyz789 | abc123",
        "GET /oauth/customerio/callback?code=abc123&state=xyz789 | xyz789",
        "Authorization: Bearer eyJhbGciOi.payload.sig | eyJhbGciOi",
        "Authorization: Basic Y2xpZW50OnNlY3JldA== | Y2xpZW50OnNlY3JldA",
        "{\"access_token\":\"at-secret-1\",\"token_type\":\"Bearer\"} | at-secret-1",
        "{\"refresh_token\": \"rt-secret-2\"} | rt-secret-2",
        "client_secret=cs-secret-3&grant_type=refresh_token | cs-secret-3",
        "code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk | dBjftJeZ4CVP",
        "ENCRYPTION_KEYS=k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= | AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "start?ticket=tk-secret-4 | tk-secret-4",
        "password=hunter2 | hunter2"})
    void masksWhatLooksLikeACredential(String line, String secret) {
        assertThat(Redactor.redact(line)).doesNotContain(secret).contains("[redacted]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Connection 6f1c3a52-9a7e-4f1e-8c3b-2d5e6f7a8b9c for provider customerio connected",
        "POST /api/v1/connections/{id}/access-token 200 12ms key=backend"})
    void leavesOrdinaryLinesAlone(String line) {
        assertThat(Redactor.redact(line)).isEqualTo(line);
    }
}
