package io.cioconnect.adapter.persistence.testing;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Chooses, once per JVM, the PostgreSQL every test shares: {@code TEST_DATABASE_URL} (with
 * {@code TEST_DATABASE_USER} and {@code TEST_DATABASE_PASSWORD}) if set, else Testcontainers if Docker
 * answers, else embedded PostgreSQL. If none works the tests fail, saying why; they are never skipped.
 */
final class SharedPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(SharedPostgres.class);

    private static TestPostgres chosen;
    private static RuntimeException failure;

    private SharedPostgres() {
    }

    static synchronized TestPostgres get() {
        if (chosen == null && failure == null) {
            try {
                chosen = choose();
                LOG.info("Tests use {}", chosen.description());
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return chosen;
    }

    private static TestPostgres choose() {
        String url = System.getenv("TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return ExternalPostgres.connect(url.strip(), System.getenv("TEST_DATABASE_USER"),
                    System.getenv("TEST_DATABASE_PASSWORD"));
        }
        List<String> attempts = new ArrayList<>();
        attempts.add("TEST_DATABASE_URL is not set");
        try {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return ContainerPostgres.launch();
            }
            attempts.add("Docker is not available for Testcontainers");
        } catch (RuntimeException | LinkageError e) {
            attempts.add("Testcontainers failed: " + e);
        }
        try {
            return EmbeddedPostgresServer.launch();
        } catch (Exception | LinkageError e) {
            attempts.add("embedded PostgreSQL failed: " + e);
            throw new IllegalStateException("No PostgreSQL for the tests: " + String.join("; ", attempts)
                    + ". Set TEST_DATABASE_URL to a PostgreSQL whose user may CREATE DATABASE.", e);
        }
    }
}
