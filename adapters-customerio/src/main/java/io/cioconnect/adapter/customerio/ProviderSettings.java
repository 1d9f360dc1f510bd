package io.cioconnect.adapter.customerio;

import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.domain.ClientSecret;
import io.cioconnect.domain.ExpectedIssuer;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.ProviderKind;
import io.cioconnect.domain.Scopes;
import java.net.URI;
import java.util.Objects;

/**
 * Everything needed to talk to one OAuth 2.0 provider. The authorize and token URLs may be missing only
 * while an issuer is set: {@link ProviderDiscovery} fills them in at start (RFC 8414).
 */
public record ProviderSettings(ProviderId id, String clientId, ClientSecret clientSecret,
        URI authorizeUrl, URI tokenUrl, URI revocationUrl, String issuer, Scopes scopes,
        TokenRequestFormat tokenRequestFormat, ClientAuthMethod clientAuth, CallPolicy callPolicy,
        boolean issuerInAuthorizationResponse) {

    public ProviderSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(tokenRequestFormat, "tokenRequestFormat");
        Objects.requireNonNull(clientAuth, "clientAuth");
        Objects.requireNonNull(callPolicy, "callPolicy");
        if (issuer == null && (authorizeUrl == null || tokenUrl == null)) {
            throw new IllegalArgumentException("a provider without an issuer needs an authorize URL and a token URL");
        }
    }

    /** True when endpoints are missing and must be discovered from the issuer before use. */
    public boolean needsDiscovery() {
        return authorizeUrl == null || tokenUrl == null;
    }

    /**
     * What the use cases see: the configured scopes are also the allowed set, and the issuer whenever it is
     * known, so an {@code iss} on a callback is always compared with it (RFC 9207 §2.4); a missing {@code iss}
     * is refused only when the provider puts it in its authorization responses (its metadata says so, or
     * {@code <ID>_REQUIRE_ISS=true}). Customer.io is shown by its name; any other provider by its id.
     */
    public ProviderDescriptor descriptor() {
        return new ProviderDescriptor(id, scopes,
                issuer == null ? null : new ExpectedIssuer(issuer, issuerInAuthorizationResponse), revocationUrl != null,
                ProviderKind.OAUTH2, CustomerIoPresets.appliesTo(id) ? CustomerIoPresets.DISPLAY_NAME : id.value());
    }

    /** These settings with the endpoints that were not configured taken from the provider's metadata. */
    public ProviderSettings withDiscovered(URI authorize, URI token, URI revocation) {
        return new ProviderSettings(id, clientId, clientSecret,
                authorizeUrl != null ? authorizeUrl : authorize,
                tokenUrl != null ? tokenUrl : token,
                revocationUrl != null ? revocationUrl : revocation,
                issuer, scopes, tokenRequestFormat, clientAuth, callPolicy, issuerInAuthorizationResponse);
    }

    /** These settings, noting that the metadata announces {@code iss} in authorization responses. */
    public ProviderSettings withIssuerInAuthorizationResponse() {
        return new ProviderSettings(id, clientId, clientSecret, authorizeUrl, tokenUrl, revocationUrl,
                issuer, scopes, tokenRequestFormat, clientAuth, callPolicy, true);
    }

    public ProviderSettings withCallPolicy(CallPolicy policy) {
        return new ProviderSettings(id, clientId, clientSecret, authorizeUrl, tokenUrl, revocationUrl,
                issuer, scopes, tokenRequestFormat, clientAuth, policy, issuerInAuthorizationResponse);
    }
}
