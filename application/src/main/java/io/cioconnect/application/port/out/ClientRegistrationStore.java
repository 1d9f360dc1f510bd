package io.cioconnect.application.port.out;

import java.net.URI;
import java.util.Optional;

/**
 * Out-port: the OAuth clients this service registered at run time (RFC 7591), one per issuer and redirect
 * URI, shared by every instance. Secrets are kept encrypted. When instances register at once, the first
 * one kept wins and the others use it.
 */
public interface ClientRegistrationStore {

    Optional<ClientRegistration> find(String issuer, URI redirectUri);

    /** Keeps {@code candidate} unless a client is already kept for its issuer and redirect URI; answers the one kept. */
    ClientRegistration keepFirst(ClientRegistration candidate);

    /**
     * Puts {@code fresh} in the place of {@code stale} (a client the server no longer knows), unless another
     * caller has already replaced {@code stale}; answers the one kept.
     */
    ClientRegistration replace(ClientRegistration stale, ClientRegistration fresh);
}
