package io.cioconnect.adapter.persistence;

import io.cioconnect.adapter.persistence.crypto.FieldCipher;
import io.cioconnect.application.port.out.ClientRegistration;
import io.cioconnect.application.port.out.ClientRegistrationStore;
import java.net.URI;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link ClientRegistrationStore} on PostgreSQL: the unique (issuer, redirect URI) key decides a race between
 * instances, and a replacement applies only to the client it replaces. Each call is one short statement or two;
 * nothing is held between calls.
 */
final class PostgresClientRegistrationStore implements ClientRegistrationStore {

    private final Jdbi jdbi;
    private final FieldCipher cipher;

    PostgresClientRegistrationStore(Jdbi jdbi, FieldCipher cipher) {
        this.jdbi = jdbi;
        this.cipher = cipher;
    }

    @Override
    public Optional<ClientRegistration> find(String issuer, URI redirectUri) {
        return DatabaseFailures.call(() -> jdbi.withHandle(handle -> handle.createQuery(ClientRegistrationDao.FIND)
                        .bind("issuer", issuer)
                        .bind("redirectUri", redirectUri.toString())
                        .map(ClientRegistrationRowMapper.INSTANCE)
                        .findOne()))
                .map(row -> row.toDomain(cipher));
    }

    @Override
    public ClientRegistration keepFirst(ClientRegistration candidate) {
        ClientRegistrationRow row = ClientRegistrationRow.from(candidate, cipher);
        DatabaseFailures.run(() -> jdbi.useHandle(handle -> handle.createUpdate(ClientRegistrationDao.INSERT_IF_ABSENT)
                .bindMethods(row)
                .execute()));
        return kept(candidate);
    }

    @Override
    public ClientRegistration replace(ClientRegistration stale, ClientRegistration fresh) {
        ClientRegistrationRow row = ClientRegistrationRow.from(fresh, cipher);
        int replaced = DatabaseFailures.call(() -> jdbi.withHandle(handle -> handle
                .createUpdate(ClientRegistrationDao.REPLACE)
                .bindMethods(row)
                .bind("staleClientId", stale.clientId())
                .execute()));
        return replaced == 1 ? fresh : keepFirst(fresh);
    }

    private ClientRegistration kept(ClientRegistration candidate) {
        return find(candidate.issuer(), candidate.redirectUri()).orElseThrow(() -> new IllegalStateException(
                "no client kept for issuer " + candidate.issuer() + " right after keeping one"));
    }
}
