package io.cioconnect.adapter.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on {@code cio_connection_changed} (sent by V9's trigger on every change to a connection) over a
 * connection of its own, outside the pool, and hands each changed id to {@code changed}. It proves the
 * channel works end to end by notifying itself every {@link #PING_INTERVAL}: {@link #confirmedWithin} is true
 * only while such a ping came back recently, so a cache that asks it is bypassed as soon as the listening
 * connection breaks, hangs, or sits behind a pooler that drops notifications. Each (re)connection starts
 * with {@code reset}, since changes may have been missed while it was down.
 */
final class ConnectionChangeListener implements AutoCloseable {

    static final String CHANNEL = "cio_connection_changed";
    static final Duration PING_INTERVAL = Duration.ofMillis(500);
    /**
     * Between two connection attempts: a database that is down must not be dialled in a tight loop, and
     * nothing waits on the listener meanwhile (the cache is bypassed until it confirms again).
     */
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionChangeListener.class);

    private final DatabaseSettings settings;
    private final Consumer<UUID> changed;
    private final Runnable reset;
    private final String instance = UUID.randomUUID().toString();
    private final Thread thread;
    /** {@link System#nanoTime()} at which the last ping that came back was sent; every change before it is seen. */
    private volatile long confirmedAt;
    private volatile boolean confirmed;
    private volatile boolean closed;
    private volatile Connection current;

    ConnectionChangeListener(DatabaseSettings settings, Consumer<UUID> changed, Runnable reset) {
        this.settings = settings;
        this.changed = changed;
        this.reset = reset;
        this.thread = new Thread(this::run, "connection-change-listener");
        thread.setDaemon(true);
    }

    ConnectionChangeListener start() {
        thread.start();
        return this;
    }

    /** True when every change committed more than {@code bound} ago has been handed to {@code changed}. */
    boolean confirmedWithin(long boundNanos) {
        return confirmed && System.nanoTime() - confirmedAt < boundNanos;
    }

    private void run() {
        boolean wasDown = false;
        while (!closed) {
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), properties())) {
                current = connection;
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                if (!closed && !wasDown) {
                    LOG.warn("the connection-change listener lost its database connection ({}); access-token reads"
                            + " the database until it is back", e.getClass().getSimpleName());
                }
                wasDown = true;
            } finally {
                confirmed = false;
                current = null;
            }
            pause();
        }
    }

    private void listen(Connection connection) throws SQLException {
        PGConnection notifications = connection.unwrap(PGConnection.class);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
            reset.run();
            long sequence = 0;
            long lastPingAt = 0;
            String pending = null;
            long pendingSentAt = 0;
            while (!closed) {
                long now = System.nanoTime();
                if (pending == null || now - lastPingAt >= PING_INTERVAL.toNanos()) {
                    pending = "ping:" + instance + ":" + ++sequence;
                    pendingSentAt = now;
                    lastPingAt = now;
                    statement.execute("SELECT pg_notify('" + CHANNEL + "', '" + pending + "')");
                }
                PGNotification[] received = notifications.getNotifications((int) (PING_INTERVAL.toMillis() / 5));
                for (PGNotification notification : received == null ? new PGNotification[0] : received) {
                    String payload = notification.getParameter();
                    if (payload.equals(pending)) {
                        confirmedAt = pendingSentAt;
                        confirmed = true;
                    } else if (payload.equals("*")) {
                        reset.run();
                    } else if (!payload.startsWith("ping:")) {
                        changed.accept(UUID.fromString(payload));
                    }
                }
            }
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("connectTimeout", "3");
        // A read that hangs ends the connection, and with it the cache's use, instead of freezing the listener.
        properties.setProperty("socketTimeout", "5");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "cio-connect-listener");
        return properties;
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        Connection connection = current;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        try {
            thread.join(Duration.ofSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
