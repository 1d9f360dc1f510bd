package io.cioconnect.adapter.persistence.testing;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL in a Testcontainers container, when Docker is there. */
final class ContainerPostgres extends FixedPostgres {

    static final String IMAGE = "postgres:17-alpine";

    private ContainerPostgres(PostgreSQLContainer container) {
        // A restarted container gets a new host port, so the pool under test could not find it again.
        super(new TestDatabase(container.getDatabaseName(), container.getJdbcUrl(), container.getUsername(),
                container.getPassword()), "The tests run on Testcontainers PostgreSQL, which cannot be restarted on "
                + "the same port; run the outage test where Docker is absent, so that embedded PostgreSQL is used");
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' own reaper when the JVM ends
    static ContainerPostgres launch() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
        container.start();
        return new ContainerPostgres(container);
    }

    @Override
    public String description() {
        return "Testcontainers " + IMAGE + " (" + adminDatabase().jdbcUrl() + ")";
    }
}
