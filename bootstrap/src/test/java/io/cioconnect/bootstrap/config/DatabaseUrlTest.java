package io.cioconnect.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.adapter.persistence.DatabaseSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DATABASE_URL as a JDBC URL or as the postgres:// URL hosting platforms hand out; the password never shows. */
class DatabaseUrlTest {

    private static final String PASSWORD = "p@ss:w/rd+1";

    private static Optional<DatabaseSettings> read(List<String> problems, String... pairs) {
        Map<String, String> environment = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            environment.put(pairs[i], pairs[i + 1]);
        }
        EnvironmentReader env = new EnvironmentReader(environment, Mode.SERVE);
        Optional<DatabaseSettings> settings = DatabaseUrl.read(env, 7);
        problems.addAll(env.problems());
        return settings;
    }

    private static DatabaseSettings valid(String... pairs) {
        List<String> problems = new ArrayList<>();
        DatabaseSettings settings = read(problems, pairs).orElseThrow();
        assertThat(problems).isEmpty();
        return settings;
    }

    @Test
    void movesTheUserAndPasswordOfAPostgresUrlOutOfItAndKeepsTheQuery() {
        DatabaseSettings settings = valid("DATABASE_URL",
                "postgres://app:p%40ss%3Aw%2Frd+1@db.internal:5433/cio?sslmode=require&connectTimeout=5");

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/cio?sslmode=require&connectTimeout=5");
        assertThat(settings.user()).isEqualTo("app");
        assertThat(settings.password()).isEqualTo(PASSWORD);
        assertThat(settings.maxPoolSize()).isEqualTo(7);
        assertThat(settings.toString()).doesNotContain("p@ss").doesNotContain("p%40ss");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "postgresql://db.internal/cio                | jdbc:postgresql://db.internal/cio",
        "POSTGRES://u@db1:5432,db2:5432/cio          | jdbc:postgresql://db1:5432,db2:5432/cio",
        "postgres://[::1]:5432/cio                   | jdbc:postgresql://[::1]:5432/cio",
        "jdbc:postgresql://db:5432/cio?ssl=true      | jdbc:postgresql://db:5432/cio?ssl=true"})
    void readsEveryForm(String url, String jdbcUrl) {
        assertThat(valid("DATABASE_URL", url).jdbcUrl()).isEqualTo(jdbcUrl);
    }

    @Test
    void takesTheSeparateVariablesWhenTheUrlCarriesNoCredentials() {
        DatabaseSettings settings = valid("DATABASE_URL", "postgres://db.internal/cio", "DATABASE_USER", "app",
                "DATABASE_PASSWORD", PASSWORD);

        assertThat(settings.user()).isEqualTo("app");
        assertThat(settings.password()).isEqualTo(PASSWORD);
    }

    @Test
    void refusesCredentialsGivenTwiceWithoutPrintingThem() {
        List<String> problems = new ArrayList<>();
        read(problems, "DATABASE_URL", "postgres://app:hunter2@db.internal/cio", "DATABASE_USER", "other",
                "DATABASE_PASSWORD", "hunter3");

        assertThat(problems).containsExactly(
                "DATABASE_USER is set and DATABASE_URL carries a user too; give it once",
                "DATABASE_PASSWORD is set and DATABASE_URL carries a password too; give it once");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mysql://app:hunter2@db/cio                 | DATABASE_URL must look like jdbc:postgresql://host:port/database or",
        "postgres://app:hunter2@/cio                | DATABASE_URL must name a host and no fragment",
        "postgres://app:hunter2@db/cio#x            | DATABASE_URL must name a host and no fragment",
        "postgres://app:hunter2%zz@db/cio           | DATABASE_URL has a malformed %-escape in its user or password",
        "postgres://app:hunter2@db name/cio         | DATABASE_URL must name a host and no fragment"})
    void explainsWhatIsWrongWithoutRepeatingTheUrl(String url, String problem) {
        List<String> problems = new ArrayList<>();
        read(problems, "DATABASE_URL", url);

        assertThat(problems).singleElement().asString().startsWith(problem).doesNotContain("hunter2");
    }
}
