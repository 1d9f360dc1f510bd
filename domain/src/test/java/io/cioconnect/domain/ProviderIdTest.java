package io.cioconnect.domain;

import static io.cioconnect.domain.DomainFixtures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"customerio", "sandbox", "customerio-app-api", "p2"})
    void acceptsLowerCaseIdsStartingWithALetter(String value) {
        assertThat(new ProviderId(value).toString()).isEqualTo(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"CustomerIO", "2fa", "-dash", "under_score", "dot.ted", "sp ace", "../etc"})
    void rejectsOtherShapes(String value) {
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> new ProviderId(value));
    }

    @Test
    void acceptsUpTo40Characters() {
        assertThat(new ProviderId("p".repeat(40)).value()).hasSize(40);
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> new ProviderId("p".repeat(41)));
    }

    @Test
    void namesItsEnvironmentVariablesInUpperCaseWithUnderscores() {
        assertThat(new ProviderId("customerio-app-api").environmentPrefix()).isEqualTo("CUSTOMERIO_APP_API");
        assertThat(new ProviderId("customerio").environmentPrefix()).isEqualTo("CUSTOMERIO");
    }
}
