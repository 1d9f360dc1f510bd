package io.cioconnect.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cioconnect.application.port.out.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    private static RuntimeException wrapped(SQLException cause) {
        return new RuntimeException("statement failed", cause);
    }

    @Test
    void treatsConnectionFailuresAsStoreUnavailable() {
        assertThat(DatabaseFailures.unavailability(wrapped(new SQLException("refused", "08001")))).isPresent();
        assertThat(DatabaseFailures.unavailability(wrapped(new SQLException("i/o", "08006")))).isPresent();
        assertThat(DatabaseFailures.unavailability(wrapped(new SQLTransientConnectionException("pool timeout")))).isPresent();
        assertThat(DatabaseFailures.unavailability(wrapped(new SQLException("shutdown", "57P01")))).isPresent();
    }

    @Test
    void treatsALockTimeoutAsStoreUnavailable() {
        assertThat(DatabaseFailures.unavailability(wrapped(new SQLException("lock", "55P03"))))
                .contains("timed out waiting for a row lock");
    }

    @Test
    void treatsATransactionEndedForIdlingTooLongAsStoreUnavailable() {
        assertThat(DatabaseFailures.unavailability(wrapped(new SQLException("idle in transaction", "25P03"))))
                .contains("the database ended a transaction that stayed idle too long");
    }

    @Test
    void letsOtherFailuresThroughUnchanged() {
        RuntimeException uniqueViolation = wrapped(new SQLException("duplicate key", "23505"));

        assertThatThrownBy(() -> DatabaseFailures.call(() -> {
            throw uniqueViolation;
        })).isSameAs(uniqueViolation);
    }

    @Test
    void neverCopiesTheDriverMessageIntoTheTypedError() {
        assertThatThrownBy(() -> DatabaseFailures.call(() -> {
            throw wrapped(new SQLException("connection to secret-host refused", "08001"));
        })).isInstanceOf(StoreUnavailableException.class).message().doesNotContain("secret-host");
    }
}
