package io.cioconnect.application.service;

import io.cioconnect.application.ConnectSettings;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.ConnectionStore.LockedConnection;
import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes one connection under its cross-process lock. After taking the lock it reads the row again,
 * so a refresh another process has just made is reused, and {@code invalid_grant} is only believed
 * for the refresh token that is actually stored. New tokens are written before the lock is released.
 */
final class ConnectionRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionRefresher.class);

    private final ConnectionStore connections;
    private final ProviderRegistry providers;
    private final Clock clock;
    private final ConnectSettings settings;

    ConnectionRefresher(ConnectionStore connections, ProviderRegistry providers, Clock clock, ConnectSettings settings) {
        this.connections = connections;
        this.providers = providers;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Refreshes unless the stored token no longer needs it. With {@code force}, refreshes unless someone
     * else already refreshed since {@code seen} was read.
     */
    RefreshOutcome refresh(Connection seen, boolean force) {
        return connections.withRefreshLock(seen.id(), settings.refreshLockTimeout(),
                locked -> refreshLocked(locked, seen, force));
    }

    private RefreshOutcome refreshLocked(LockedConnection locked, Connection seen, boolean force) {
        Optional<Connection> current = locked.current();
        if (current.isEmpty()) {
            return new RefreshOutcome.Gone();
        }
        Connection connection = current.get();
        if (!connection.isActive()) {
            return new RefreshOutcome.ReauthorizationRequired();
        }
        Instant now = clock.instant();
        boolean changedSinceSeen = connection.version() != seen.version();
        if (!connection.needsRefresh(now, settings.refreshSkew()) && (!force || changedSinceSeen)) {
            return new RefreshOutcome.Fresh(connection);
        }
        if (!connection.tokens().isRefreshable()) {
            return withoutRefreshToken(locked, connection, now);
        }
        Optional<OAuthProvider> provider = providers.find(connection.provider());
        if (provider.isEmpty()) {
            return transientFailure(locked, connection,
                    ProviderFailure.of(ProviderFailure.Kind.UNAVAILABLE, "provider is not enabled"), now);
        }
        TokenResult result = provider.get().refresh(connection.tokens().refreshToken(), connection.tokens().scopes());
        if (result instanceof TokenResult.Issued issued) {
            return new RefreshOutcome.Fresh(locked.save(connection.refreshed(issued.tokens(), now)));
        }
        ProviderFailure failure = ((TokenResult.Failed) result).failure();
        if (failure.kind() == ProviderFailure.Kind.INVALID_GRANT) {
            LOG.warn("Connection {}: the provider refused the refresh token; reauthorization required", connection.id());
            locked.save(connection.markReauthorizationRequired("refresh refused by the provider: " + failure.detail(), now));
            return new RefreshOutcome.ReauthorizationRequired();
        }
        return transientFailure(locked, connection, failure, now);
    }

    private static RefreshOutcome withoutRefreshToken(LockedConnection locked, Connection connection, Instant now) {
        if (!connection.tokens().isExpired(now)) {
            return new RefreshOutcome.Fresh(connection);
        }
        locked.save(connection.markReauthorizationRequired("the access token expired and there is no refresh token", now));
        return new RefreshOutcome.ReauthorizationRequired();
    }

    /**
     * Every failure but {@code invalid_grant} leaves the status alone (SPEC §2 step 6): timeouts and 5xx
     * pass, and a misconfigured client is the operator's to fix, not the owner's.
     */
    private static RefreshOutcome transientFailure(LockedConnection locked, Connection connection,
            ProviderFailure failure, Instant now) {
        LOG.warn("Connection {}: refresh failed ({}): {}", connection.id(), failure.kind(), failure.detail());
        Connection recorded = locked.save(connection.refreshFailed("refresh failed: " + failure.detail(), now));
        return recorded.tokens().isExpired(now)
                ? new RefreshOutcome.Unavailable(failure)
                : new RefreshOutcome.StillValid(recorded, failure);
    }
}
