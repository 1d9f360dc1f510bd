package io.cioconnect.application.service;

import io.cioconnect.application.ConnectSettings;
import io.cioconnect.application.port.in.GetAccessTokenUseCase;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Hands out a working access token, refreshing it first when due through the shared
 * {@link ConnectionRefresher} (once per connection at a time, in this process and across processes). While
 * a connection backs off after failed refreshes, a token that has not expired is served without asking the
 * provider. A token that is still valid is served with one read and nothing else.
 */
public final class GetAccessTokenService implements GetAccessTokenUseCase {

    /** What callers are told to wait when the provider did not say. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);
    /** The longest wait handed to a host, whatever the provider asked for. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(300);

    private final ConnectionStore connections;
    private final ConnectionRefresher refresher;
    private final Clock clock;
    private final ConnectSettings settings;

    public GetAccessTokenService(ConnectionStore connections, ConnectionRefresher refresher, Clock clock,
            ConnectSettings settings) {
        this.connections = connections;
        this.refresher = refresher;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public IssuedToken get(Command command) {
        Connection seen = connections.findById(command.connectionId()).orElseThrow(GetAccessTokenService::notFound);
        if (!seen.isActive()) {
            throw reauthorizationRequired();
        }
        if (!command.forceRefresh() && canServeWithoutRefresh(seen, clock.instant())) {
            return issued(seen);
        }
        RefreshOutcome outcome = refresher.refreshOnDemand(seen, settings.refreshSkew(), command.forceRefresh());
        if (outcome instanceof RefreshOutcome.Fresh fresh) {
            return issued(fresh.connection());
        }
        if (outcome instanceof RefreshOutcome.StillValid stillValid) {
            return issued(stillValid.connection());
        }
        if (outcome instanceof RefreshOutcome.Unavailable unavailable) {
            throw providerUnavailable(unavailable.failure());
        }
        if (outcome instanceof RefreshOutcome.ReauthorizationRequired) {
            throw reauthorizationRequired();
        }
        if (outcome instanceof RefreshOutcome.Gone) {
            throw notFound();
        }
        throw new IllegalStateException("unknown refresh outcome " + outcome.getClass().getSimpleName());
    }

    /** Not due yet, or due but backing off after failures while the token still works (docs/refresh.md). */
    private boolean canServeWithoutRefresh(Connection seen, Instant now) {
        return !seen.needsRefresh(now, settings.refreshSkew())
                || (seen.isBackingOff(now) && !seen.tokens().isExpired(now));
    }

    private static IssuedToken issued(Connection connection) {
        return IssuedToken.of(connection.tokens());
    }

    private static DomainException notFound() {
        return new DomainException(ErrorCode.NOT_FOUND, "no connection with this id");
    }

    private static DomainException reauthorizationRequired() {
        return new DomainException(ErrorCode.REAUTHORIZATION_REQUIRED,
                "the provider no longer accepts this connection's grant; the owner must connect again");
    }

    private static DomainException providerUnavailable(ProviderFailure failure) {
        Duration wait = failure.optionalRetryAfter().orElse(DEFAULT_RETRY_AFTER);
        return new DomainException(ErrorCode.PROVIDER_UNAVAILABLE,
                "the access token has expired and the provider cannot refresh it right now",
                wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait);
    }
}
