package io.cioconnect.adapter.persistence;

import io.cioconnect.application.port.out.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns "the database is not there" into {@link StoreUnavailableException} (the HTTP layer answers 503),
 * and lets every other failure through unchanged. The texts say what happened, never what was stored.
 */
final class DatabaseFailures {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailures.class);
    private static final int MAX_CAUSES = 10;

    private DatabaseFailures() {
    }

    static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            Optional<String> unavailable = unavailability(e);
            if (unavailable.isPresent()) {
                LOG.debug("Store unavailable: {}", unavailable.get(), e);
                throw new StoreUnavailableException(unavailable.get());
            }
            throw e;
        }
    }

    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Why the failure means the database cannot serve us right now, if it does. */
    static Optional<String> unavailability(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof StoreUnavailableException) {
                return Optional.empty();
            }
            if (cause instanceof SQLTransientConnectionException) {
                return Optional.of("no database connection became available in time");
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                Optional<String> reason = reasonFor(sql.getSQLState());
                if (reason.isPresent()) {
                    return reason;
                }
            }
            if (cause instanceof ConnectionException) {
                return Optional.of("could not open a database connection");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> reasonFor(String sqlState) {
        if (sqlState.startsWith("08")) {
            return Optional.of("the database connection failed (SQLState " + sqlState + ")");
        }
        return switch (sqlState) {
            case "55P03" -> Optional.of("timed out waiting for a row lock");
            case "57014" -> Optional.of("the database did not answer in time");
            case "25P03" -> Optional.of("the database ended a transaction that stayed idle too long");
            case "57P01", "57P02", "57P03" -> Optional.of("the database is shutting down or starting up (SQLState "
                    + sqlState + ")");
            case "53300" -> Optional.of("the database has no connection slot left");
            default -> Optional.empty();
        };
    }
}
