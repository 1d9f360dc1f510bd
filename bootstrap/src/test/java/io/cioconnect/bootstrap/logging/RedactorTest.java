package io.cioconnect.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"access_token\" : \"at-secret-5\"} | at-secret-5",
        "Token = tk-secret-6 | tk-secret-6",
        "BASIC   Y2xpZW50OnNlY3JldA== | Y2xpZW50OnNlY3JldA",
        "java.lang.IllegalStateException: bad password:hunter3 | hunter3"})
    void masksThemWhateverTheirCaseOrSpacing(String line, String secret) {
        assertThat(Redactor.redact(line)).doesNotContain(secret);
    }

    /** The cheap scan that skips patterns must never skip one that would have matched (seeded, so repeatable). */
    @Test
    void skipsOnlyPatternsThatCouldNotHaveMatched() {
        String[] parts = {"code", "state", "token", "access_token", "Bearer", "basic", "key", "apikey", "password",
            "=", ":", " = ", "\"", "\": \"", " ", "\n", "&", ",", "k1", "abcdef123456", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "/api/v1/connections/{id}/access-token", "200", "12ms", "é", "x"};
        Random random = new Random(20240611L);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder line = new StringBuilder();
            for (int n = random.nextInt(12); n >= 0; n--) {
                line.append(parts[random.nextInt(parts.length)]);
            }
            assertThat(Redactor.redact(line.toString())).as(line.toString())
                    .isEqualTo(Redactor.redactWithEveryPattern(line.toString()));
        }
    }
}
