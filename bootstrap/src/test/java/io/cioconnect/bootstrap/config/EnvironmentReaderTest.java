package io.cioconnect.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.domain.ProviderId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One reader for every variable: X or X_FILE, blank is unset, declared defaults, one line per problem. */
class EnvironmentReaderTest {

    private static final String SECRET = "client-secret-from-a-file";

    @TempDir
    Path directory;

    private static EnvironmentReader serve(Map<String, String> environment) {
        return new EnvironmentReader(environment, Mode.SERVE);
    }

    @Test
    void takesAValueFromTheFileThatXFileNamesDroppingTheTrailingNewline() throws Exception {
        Path file = Files.writeString(directory.resolve("secret"), SECRET + "\n");
        Setting secret = ProviderVariable.CLIENT_SECRET.of(new ProviderId("customerio"));

        EnvironmentReader env = serve(Map.of("CUSTOMERIO_CLIENT_SECRET_FILE", file.toString()));

        assertThat(env.given(secret)).contains(SECRET);
        assertThat(env.isGiven(secret)).isTrue();
        assertThat(env.problems()).isEmpty();
    }

    @Test
    void readsEveryKindOfSettingFromAFile() throws Exception {
        Path file = Files.writeString(directory.resolve("window"), "PT10M\n");

        assertThat(serve(Map.of("REFRESH_WINDOW_FILE", file.toString())).duration(Variable.REFRESH_WINDOW))
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void refusesAVariableGivenBothWaysInOneLineWithoutEitherValue() throws Exception {
        Path file = Files.writeString(directory.resolve("keys"), SECRET);
        EnvironmentReader env = serve(Map.of("API_KEYS", "backend:" + SECRET, "API_KEYS_FILE", file.toString()));

        assertThat(env.required(Variable.API_KEYS, "name:secret")).isEmpty();
        assertThat(env.isGiven(Variable.API_KEYS)).as("so dev generates no key in its place").isTrue();
        assertThat(env.problems()).containsExactly("API_KEYS and API_KEYS_FILE are both set; set only one");
    }

    @Test
    void namesTheVariableOfAFileItCannotRead() {
        Path missing = directory.resolve("no-such-file");
        EnvironmentReader env = serve(Map.of("ENCRYPTION_KEYS_FILE", missing.toString()));

        assertThat(env.required(Variable.ENCRYPTION_KEYS, "keys")).isEmpty();
        assertThat(env.problems()).containsExactly("ENCRYPTION_KEYS_FILE names a file that cannot be read"
                + " (NoSuchFileException)");
    }

    @Test
    void neverPrintsWhatXFileHoldsEvenWhenItIsTheSecretItselfByMistake() {
        EnvironmentReader env = serve(Map.of("API_KEYS_FILE", "backend:" + SECRET));

        assertThat(env.given(Variable.API_KEYS)).isEmpty();
        assertThat(env.problems()).singleElement().asString().startsWith("API_KEYS_FILE names a file that cannot be read")
                .doesNotContain(SECRET);
    }

    @Test
    void refusesAFileTooLargeToHoldAValue() throws Exception {
        Path large = Files.write(directory.resolve("large"), new byte[ValueFile.MAX_BYTES + 1]);
        EnvironmentReader env = serve(Map.of("API_KEYS_FILE", large.toString()));

        assertThat(env.given(Variable.API_KEYS)).isEmpty();
        assertThat(env.problems()).containsExactly("API_KEYS_FILE names a file that cannot be read (larger than 64 KiB)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void takesABlankValueAsUnsetEverywhere(String blank) throws Exception {
        Path emptyFile = Files.writeString(directory.resolve("empty"), blank);
        Setting timeout = ProviderVariable.REQUEST_TIMEOUT.of(new ProviderId("customerio"));

        EnvironmentReader env = serve(Map.of("PORT", blank, "REFRESH_WINDOW", blank, "CUSTOMERIO_REQUEST_TIMEOUT", blank,
                "API_KEYS", blank, "API_KEYS_FILE", emptyFile.toString(), "LOG_LEVEL_FILE", blank));

        assertThat(env.integer(Variable.PORT, 1, 65535)).isEqualTo(8080);
        assertThat(env.duration(Variable.REFRESH_WINDOW)).isEqualTo(Duration.ofMinutes(5));
        assertThat(env.positiveDuration(timeout, Duration.ofMinutes(2))).isEqualTo(Duration.ofSeconds(10));
        assertThat(env.isGiven(Variable.PORT)).isFalse();
        assertThat(env.isGiven(Variable.API_KEYS)).as("an empty file is no value").isFalse();
        assertThat(env.required(Variable.API_KEYS, "keys")).isEmpty();
        assertThat(env.problems()).containsExactly("API_KEYS is required: keys");
    }

    @Test
    void readsTheSameDurationsForEveryVariable() {
        Setting timeout = ProviderVariable.REQUEST_TIMEOUT.of(new ProviderId("customerio"));
        for (String text : new String[] {"90s", "PT90S", "1m", "90000ms"}) {
            EnvironmentReader env = serve(Map.of("REFRESH_WINDOW", text, "CUSTOMERIO_REQUEST_TIMEOUT", text));

            assertThat(env.positiveDuration(timeout, Duration.ofMinutes(2))).as(text)
                    .isEqualTo(env.duration(Variable.REFRESH_WINDOW));
        }
        EnvironmentReader days = serve(Map.of("REFRESH_WINDOW", "1d", "CUSTOMERIO_REQUEST_TIMEOUT", "1d"));
        assertThat(days.duration(Variable.REFRESH_WINDOW)).isEqualTo(Duration.ofDays(1));
        days.positiveDuration(timeout, Duration.ofMinutes(2));
        assertThat(days.problems()).containsExactly("CUSTOMERIO_REQUEST_TIMEOUT must be a duration longer than zero and"
                + " at most 2m, such as 90s, 5m, 1h or PT90S");
    }

    @Test
    void leavesAloneWhatTheCommandDoesNotRead() {
        EnvironmentReader migrate = new EnvironmentReader(Map.of("PORT", "not a port", "API_KEYS", ""), Mode.MIGRATE);

        assertThat(migrate.integer(Variable.PORT, 1, 65535)).isEqualTo(8080);
        assertThat(migrate.required(Variable.API_KEYS, "keys")).isEmpty();
        assertThat(migrate.problems()).isEmpty();
    }

    @Test
    void takesTheDevDefaultInDev() {
        assertThat(new EnvironmentReader(Map.of(), Mode.DEV).text(Variable.BIND_ADDRESS)).contains("127.0.0.1");
        assertThat(serve(Map.of()).text(Variable.BIND_ADDRESS)).contains("0.0.0.0");
    }

    @Test
    void reportsAValueItRefusesOnceEvenWhenReadTwice() {
        EnvironmentReader env = serve(Map.of("API_RATE_LIMIT", "lots"));

        assertThat(env.integer(Variable.API_RATE_LIMIT, 0, 10_000)).isEqualTo(1000);
        env.integer(Variable.API_RATE_LIMIT, 0, 10_000);

        assertThat(env.problems()).containsExactly("API_RATE_LIMIT must be a whole number from 0 to 10000");
    }
}
