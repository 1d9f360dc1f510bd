package io.cioconnect.adapter.persistence.testing;

/** A PostgreSQL the tests use but cannot stop and start again on the same port (external or containerised). */
abstract class FixedPostgres implements TestPostgres {

    private final TestDatabase admin;
    private final String whyNotRestartable;

    FixedPostgres(TestDatabase admin, String whyNotRestartable) {
        this.admin = admin;
        this.whyNotRestartable = whyNotRestartable;
    }

    @Override
    public TestDatabase adminDatabase() {
        return admin;
    }

    @Override
    public String jdbcUrlFor(String databaseName) {
        return JdbcUrls.withDatabase(admin.jdbcUrl(), databaseName);
    }

    @Override
    public boolean canRestart() {
        return false;
    }

    @Override
    public void stop() {
        throw new IllegalStateException(whyNotRestartable);
    }

    @Override
    public void start() {
        throw new IllegalStateException(whyNotRestartable);
    }
}
