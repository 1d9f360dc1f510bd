package io.cioconnect.application.service;

import io.cioconnect.application.ConnectSettings;
import io.cioconnect.application.port.in.GetAccessTokenUseCase;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderRegistry;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;
import io.cioconnect.domain.TokenSet;
import java.time.Clock;
import java.time.Duration;

/** Hands out a working access token, refreshing it first (once per connection at a time) when due. */
public final class GetAccessTokenService implements GetAccessTokenUseCase {

    /** What callers are told to wait when the provider did not say. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    private final ConnectionStore connections;
    private final ConnectionRefresher refresher;
    private final Clock clock;
    private final ConnectSettings settings;
    private final SingleFlight<ConnectionId, RefreshOutcome> refreshes = new SingleFlight<>();

    public GetAccessTokenService(ConnectionStore connections, ProviderRegistry providers, Clock clock,
            ConnectSettings settings) {
        this.connections = connections;
        this.refresher = new ConnectionRefresher(connections, providers, clock, settings);
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public IssuedToken get(Command command) {
        Connection seen = connections.findById(command.connectionId()).orElseThrow(GetAccessTokenService::notFound);
        if (!seen.isActive()) {
            throw reauthorizationRequired();
        }
        if (!command.forceRefresh() && !seen.needsRefresh(clock.instant(), settings.refreshSkew())) {
            return issued(seen);
        }
        RefreshOutcome outcome = refreshes.run(seen.id(), () -> refresher.refresh(seen, command.forceRefresh()));
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
        throw notFound();
    }

    private static IssuedToken issued(Connection connection) {
        TokenSet tokens = connection.tokens();
        return new IssuedToken(tokens.accessToken(), tokens.type(), tokens.expiresAt(), tokens.scopes());
    }

    private static DomainException notFound() {
        return new DomainException(ErrorCode.NOT_FOUND, "no connection with this id");
    }

    private static DomainException reauthorizationRequired() {
        return new DomainException(ErrorCode.REAUTHORIZATION_REQUIRED,
                "the provider no longer accepts this connection's grant; the owner must connect again");
    }

    private static DomainException providerUnavailable(ProviderFailure failure) {
        return new DomainException(ErrorCode.PROVIDER_UNAVAILABLE,
                "the access token has expired and the provider cannot refresh it right now",
                failure.optionalRetryAfter().orElse(DEFAULT_RETRY_AFTER));
    }
}
