package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.application.FakeOAuthProvider;
import io.cioconnect.application.MutableClock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the tests of several service instances on one database share: three pools as three instances would
 * have, empty tables before each test, a movable clock, a fake provider and threads for the callers.
 */
abstract class MultiInstanceTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    static InstancePools pools;
    final MutableClock clock = MutableClock.atFixedInstant();
    final FakeOAuthProvider provider = new FakeOAuthProvider(FakeOAuthProvider.CUSTOMERIO, clock);
    final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeAll
    static void openPools() {
        pools = new InstancePools(POSTGRES, 3);
    }

    @AfterAll
    static void closePools() {
        pools.close();
    }

    @BeforeEach
    void emptyTables() {
        POSTGRES.database().truncateAllTables();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }
}
