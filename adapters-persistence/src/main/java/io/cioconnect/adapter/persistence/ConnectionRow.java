package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.crypto.EncryptedColumn;
import io.cioconnect.adapter.persistence.crypto.FieldCipher;
import io.cioconnect.domain.AccessToken;
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

/** A row of {@code connections}; both tokens are encryption envelopes bound to the row's id. */
public record ConnectionRow(UUID id, String owner, String provider, String status, String accessToken, String refreshToken,
        String tokenType, Instant accessTokenExpiresAt, String scopes, Instant createdAt, Instant updatedAt,
        Instant lastRefreshedAt, String lastError, int refreshFailures, Instant nextRefreshAt,
        boolean refreshOutcomeUnknown, long version) {

    static final EncryptedColumn ACCESS_TOKEN = new EncryptedColumn("connections", "access_token");
    static final EncryptedColumn REFRESH_TOKEN = new EncryptedColumn("connections", "refresh_token");

    /** The row of {@code connection} stored under {@code id} (which may differ from the candidate's own on reconnect). */
    static ConnectionRow from(Connection connection, UUID id, FieldCipher cipher) {
        TokenSet tokens = connection.tokens();
        String rowId = id.toString();
        String refresh = tokens.optionalRefreshToken()
                .map(token -> cipher.encrypt(token.value(), REFRESH_TOKEN, rowId))
                .orElse(null);
        return new ConnectionRow(id, connection.owner().value(), connection.provider().value(),
                connection.status().wireName(), cipher.encrypt(tokens.accessToken().value(), ACCESS_TOKEN, rowId), refresh,
                tokens.type().wireName(), Micros.of(tokens.expiresAt()), tokens.scopes().render(),
                Micros.of(connection.createdAt()), Micros.of(connection.updatedAt()),
                Micros.of(connection.lastRefreshedAt()), connection.lastError(), connection.refreshFailures(),
                Micros.of(connection.nextRefreshAt()), connection.refreshOutcomeUnknown(), connection.version());
    }

    static ConnectionRow from(Connection connection, FieldCipher cipher) {
        return from(connection, connection.id().value(), cipher);
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
        TokenSet tokens = new TokenSet(access, refresh, type, accessTokenExpiresAt, Scopes.parse(scopes));
        return new Connection(new ConnectionId(id), new Owner(owner), new ProviderId(provider),
                ConnectionStatus.fromWireName(status), tokens, createdAt, updatedAt, lastRefreshedAt, lastError,
                refreshFailures, nextRefreshAt, refreshOutcomeUnknown, version);
    }

    ConnectionRow withIdentity(UUID storedId, Instant storedCreatedAt, long storedVersion) {
        return new ConnectionRow(storedId, owner, provider, status, accessToken, refreshToken, tokenType,
                accessTokenExpiresAt, scopes, storedCreatedAt, updatedAt, lastRefreshedAt, lastError, refreshFailures,
                nextRefreshAt, refreshOutcomeUnknown, storedVersion);
    }

    /** Ciphertexts stay out of exception messages (JDBI prints bound rows) and logs. */
    @Override
    public String toString() {
        return "ConnectionRow[id=" + id + ", owner=" + owner + ", provider=" + provider + ", version=" + version
                + ", tokens=encrypted]";
    }
}
