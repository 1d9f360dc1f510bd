package io.cioconnect.adapter.persistence;

import io.cioconnect.domain.ConnectSession;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.ReturnTo;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.SecretHash;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.statement.Update;

/** A row of {@code connect_sessions}; the ticket is there only as its hash. */
public record ConnectSessionRow(UUID id, String ticketHash, String owner, String provider, String returnTo,
        String clientState, String scopes, Instant createdAt, Instant expiresAt) {

    static ConnectSessionRow from(ConnectSession session) {
        return new ConnectSessionRow(session.id(), session.ticketHash().hex(), session.owner().value(),
                session.provider().value(), session.returnTo().uri().toString(), ClientStates.column(session.clientState()),
                session.scopes().render(), session.createdAt(), session.expiresAt());
    }

    /** Its columns bound one by one ({@code ConnectSessionDao.INSERT}): cheaper than {@code bindMethods}, on every flow. */
    Update bindTo(Update insert) {
        return insert.bind("id", id).bind("ticketHash", ticketHash).bind("owner", owner).bind("provider", provider)
                .bind("returnTo", returnTo).bind("clientState", clientState).bind("scopes", scopes)
                .bind("createdAt", createdAt).bind("expiresAt", expiresAt);
    }

    ConnectSession toDomain() {
        return new ConnectSession(id, new SecretHash(ticketHash), new Owner(owner), new ProviderId(provider),
                new ReturnTo(URI.create(returnTo)), ClientStates.of(clientState), Scopes.parse(scopes), createdAt,
                expiresAt);
    }

    /** The ticket hash and client state stay out of exception messages (JDBI prints bound rows) and logs. */
    @Override
    public String toString() {
        return "ConnectSessionRow[id=" + id + ", owner=" + owner + ", provider=" + provider + ", expiresAt=" + expiresAt + "]";
    }
}
