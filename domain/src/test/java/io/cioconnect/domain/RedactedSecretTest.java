package io.cioconnect.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Credentials received from providers or configuration: never printed, never blank. */
class RedactedSecretTest {

    private static final String SECRET = "s3cr3t-value-that-must-not-leak";

    static Stream<Arguments> secretTypes() {
        return Stream.of(
                Arguments.of("AccessToken", (Function<String, Object>) AccessToken::new),
                Arguments.of("RefreshToken", (Function<String, Object>) RefreshToken::new),
                Arguments.of("AuthorizationCode", (Function<String, Object>) AuthorizationCode::new),
                Arguments.of("ClientSecret", (Function<String, Object>) ClientSecret::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secretTypes")
    void toStringSaysRedactedInsteadOfTheValue(String name, Function<String, Object> create) {
        assertThat(create.apply(SECRET).toString()).isEqualTo(name + "[redacted]").doesNotContain(SECRET);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secretTypes")
    void rejectsNullAndBlankWithoutEchoingTheInput(String name, Function<String, Object> create) {
        assertThatThrownBy(() -> create.apply(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> create.apply("   ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secretTypes")
    void comparesByValue(String name, Function<String, Object> create) {
        assertThat(create.apply(SECRET)).isEqualTo(create.apply(SECRET)).isNotEqualTo(create.apply("other"));
    }
}
