package io.cioconnect.domain;

import java.util.Objects;

/**
 * Which connections a listing shows: those of one owner, one provider and one status, each {@code null}
 * meaning any. {@link #ANY} shows every connection.
 */
public record ConnectionFilter(Owner owner, ProviderId provider, ConnectionStatus status) {

    public static final ConnectionFilter ANY = new ConnectionFilter(null, null, null);

    /** The connections of one owner, whatever their provider and status. */
    public static ConnectionFilter ofOwner(Owner owner) {
        return new ConnectionFilter(Objects.requireNonNull(owner, "owner"), null, null);
    }

    public boolean matches(Connection connection) {
        return (owner == null || owner.equals(connection.owner()))
                && (provider == null || provider.equals(connection.provider()))
                && (status == null || status == connection.status());
    }
}
