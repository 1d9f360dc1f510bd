package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.crypto.EncryptedColumn;
import io.cioconnect.adapter.persistence.crypto.FieldCipher;
import io.cioconnect.domain.AccessToken;
import io.cioconnect.domain.AppApiRegion;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.ConnectionStatus;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.TokenSet;
import io.cioconnect.domain.TokenType;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code connections}; both tokens are encryption envelopes bound to the row's id. An App API
 * key's region has a column of its own ({@code NULL} for OAuth tokens).
 */
public record ConnectionRow(UUID id, String owner, String provider, String status, String accessToken, String refreshToken,
        String tokenType, Instant accessTokenExpiresAt, String scopes, String appApiRegion, Instant createdAt,
        Instant updatedAt, Instant lastRefreshedAt, String lastError, int refreshFailures, Instant nextRefreshAt,
        boolean refreshOutcomeUnknown, long version) {

    static final EncryptedColumn ACCESS_TOKEN = new EncryptedColumn("connections", "access_token");
    static final EncryptedColumn REFRESH_TOKEN = new EncryptedColumn("connections", "refresh_token");

    /** The row of {@code connection}, its tokens encrypted for its id. */
    static ConnectionRow from(Connection connection, FieldCipher cipher) {
        TokenSet tokens = connection.tokens();
        UUID id = connection.id().value();
        String rowId = id.toString();
        String refresh = tokens.optionalRefreshToken()
                .map(token -> cipher.encrypt(token.value(), REFRESH_TOKEN, rowId))
                .orElse(null);
        return new ConnectionRow(id, connection.owner().value(), connection.provider().value(),
                connection.status().wireName(), cipher.encrypt(tokens.accessToken().value(), ACCESS_TOKEN, rowId), refresh,
                tokens.type().wireName(), Micros.of(tokens.expiresAt()), tokens.scopes().render(),
                tokens.optionalAppApiRegion().map(AppApiRegion::code).orElse(null), Micros.of(connection.createdAt()),
                Micros.of(connection.updatedAt()), Micros.of(connection.lastRefreshedAt()), connection.lastError(),
                connection.refreshFailures(), Micros.of(connection.nextRefreshAt()), connection.refreshOutcomeUnknown(),
                connection.version());
    }

    Connection toDomain(FieldCipher cipher) {
        String rowId = id.toString();
        return toDomain(new AccessToken(cipher.decrypt(accessToken, ACCESS_TOKEN, rowId)),
                refreshToken == null ? null : new RefreshToken(cipher.decrypt(refreshToken, REFRESH_TOKEN, rowId)));
    }

    /** The connection this row holds, given its tokens in clear (known already after a write). */
    Connection toDomain(AccessToken access, RefreshToken refresh) {
        TokenType type = TokenType.parse(tokenType)
                .orElseThrow(() -> new IllegalStateException("connections.token_type holds an unknown type"));
        TokenSet tokens = new TokenSet(access, refresh, type, accessTokenExpiresAt, Scopes.parse(scopes),
                appApiRegion == null ? null : AppApiRegion.parse(appApiRegion).orElseThrow(
                        () -> new IllegalStateException("connections.app_api_region holds an unknown region")));
        return new Connection(new ConnectionId(id), new Owner(owner), new ProviderId(provider),
                ConnectionStatus.fromWireName(status), tokens, createdAt, updatedAt, lastRefreshedAt, lastError,
                refreshFailures, nextRefreshAt, refreshOutcomeUnknown, version);
    }

    /** Ciphertexts stay out of exception messages (JDBI prints bound rows) and logs. */
    @Override
    public String toString() {
        return "ConnectionRow[id=" + id + ", owner=" + owner + ", provider=" + provider + ", version=" + version
                + ", tokens=encrypted]";
    }
}
