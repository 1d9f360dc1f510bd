package io.cioconnect.adapter.persistence.testing;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL in a Testcontainers container, when Docker is there. */
final class ContainerPostgres implements TestPostgres {

    static final String IMAGE = "postgres:17-alpine";

    private final PostgreSQLContainer container;
    private final TestDatabase admin;

    private ContainerPostgres(PostgreSQLContainer container) {
        this.container = container;
        this.admin = new TestDatabase(container.getDatabaseName(), container.getJdbcUrl(), container.getUsername(),
                container.getPassword());
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' own reaper when the JVM ends
    static ContainerPostgres launch() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
        container.start();
        return new ContainerPostgres(container);
    }

    @Override
    public String description() {
        return "Testcontainers " + IMAGE + " (" + admin.jdbcUrl() + ")";
    }

    @Override
    public TestDatabase adminDatabase() {
        return admin;
    }

    @Override
    public String jdbcUrlFor(String databaseName) {
        return JdbcUrls.withDatabase(container.getJdbcUrl(), databaseName);
    }

    @Override
    public boolean canRestart() {
        return false;
    }

    @Override
    public void stop() {
        throw cannotRestart();
    }

    @Override
    public void start() {
        throw cannotRestart();
    }

    private static IllegalStateException cannotRestart() {
        // A restarted container gets a new host port, so the pool under test could not find it again.
        return new IllegalStateException("The tests run on Testcontainers PostgreSQL, which cannot be restarted on the "
                + "same port; run the outage test where Docker is absent, so that embedded PostgreSQL is used");
    }
}
