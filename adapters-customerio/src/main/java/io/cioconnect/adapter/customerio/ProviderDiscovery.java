package io.cioconnect.adapter.customerio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderFailure.Kind;
import io.cioconnect.domain.PkceChallenge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a provider's endpoints from its authorization server metadata once at start (RFC 8414, then
 * OpenID Connect Discovery), when an issuer is configured and an endpoint is not. Explicit settings win.
 */
public final class ProviderDiscovery {

    private final MeterRegistry meters;

    public ProviderDiscovery(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The settings completed from the metadata, unchanged when nothing is missing, or one problem line. */
    public SettingsResult resolve(ProviderSettings settings) {
        if (!settings.needsDiscovery()) {
            return new SettingsResult.Valid(settings);
        }
        ProviderHttp http = new ProviderHttp(settings.callPolicy());
        Discovered discovered = new ProviderMetrics(meters, settings.id())
                .time("discovery", () -> discover(settings, http), Discovered::failure);
        if (discovered.failure() != null) {
            return new SettingsResult.Invalid(List.of(settings.id().environmentPrefix() + "_ISSUER: "
                    + "no usable authorization server metadata: " + discovered.failure().detail()));
        }
        return new SettingsResult.Valid(discovered.settings());
    }

    /** Completed settings, or why not. */
    private record Discovered(ProviderSettings settings, ProviderFailure failure) {
        static Discovered failed(String detail) {
            return new Discovered(null, ProviderFailure.of(Kind.INVALID_RESPONSE, detail));
        }
    }

    private static Discovered discover(ProviderSettings settings, ProviderHttp http) {
        ProviderFailure last = null;
        for (URI url : metadataUrls(settings.issuer())) {
            ProviderHttp.Outcome outcome = http.send(http.request().uri(url).header("Accept", "application/json").GET().build());
            if (outcome.failure() != null) {
                last = outcome.failure();
                continue;
            }
            Optional<ObjectNode> json = outcome.response().truncated() ? Optional.empty() : Json.object(outcome.response().body());
            if (outcome.response().status() == 200 && json.isPresent()) {
                return fromMetadata(settings, json.get());
            }
            last = ProviderFailure.of(Kind.INVALID_RESPONSE, "HTTP " + outcome.response().status() + " without a JSON object");
        }
        return new Discovered(null, last);
    }

    /** RFC 8414 §3.1 inserts the well-known segment before the issuer's path; many servers append it instead. */
    static List<URI> metadataUrls(String issuer) {
        URI uri = URI.create(issuer);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        String base = origin + path;
        Set<URI> urls = new LinkedHashSet<>();
        urls.add(URI.create(origin + "/.well-known/oauth-authorization-server" + path));
        urls.add(URI.create(base + "/.well-known/oauth-authorization-server"));
        urls.add(URI.create(base + "/.well-known/openid-configuration"));
        return List.copyOf(urls);
    }

    private static Discovered fromMetadata(ProviderSettings settings, ObjectNode metadata) {
        // RFC 8414 §3.3: metadata naming another issuer must not be used (it may be an impostor's).
        if (!Json.text(metadata, "issuer").map(settings.issuer()::equals).orElse(false)) {
            return Discovered.failed("the metadata's issuer differs from the configured issuer");
        }
        JsonNode methods = metadata.get("code_challenge_methods_supported");
        if (methods != null && methods.isArray() && !listsS256(methods)) {
            return Discovered.failed("code_challenge_methods_supported does not list S256 (PKCE)");
        }
        Optional<URI> authorize = endpoint(metadata, "authorization_endpoint");
        Optional<URI> token = endpoint(metadata, "token_endpoint");
        Optional<URI> revocation = endpoint(metadata, "revocation_endpoint");
        if ((settings.authorizeUrl() == null && authorize.isEmpty()) || (settings.tokenUrl() == null && token.isEmpty())) {
            return Discovered.failed("authorization_endpoint or token_endpoint missing or not an acceptable https URL");
        }
        if (!Json.absent(metadata, "revocation_endpoint") && revocation.isEmpty()) {
            return Discovered.failed("revocation_endpoint is not an acceptable https URL");
        }
        if (authorize.flatMap(AuthorizeUrl::reservedParameterProblem).isPresent()) {
            return Discovered.failed("authorization_endpoint already carries OAuth parameters");
        }
        ProviderSettings completed = settings.withDiscovered(authorize.orElse(null), token.orElse(null),
                revocation.orElse(null));
        boolean sendsIss = Json.bool(metadata, "authorization_response_iss_parameter_supported").orElse(false);
        return new Discovered(sendsIss ? completed.withIssuerInAuthorizationResponse() : completed, null);
    }

    static boolean listsS256(JsonNode methods) {
        for (JsonNode method : methods) {
            if (PkceChallenge.METHOD.equals(method.textValue())) {
                return true;
            }
        }
        return false;
    }

    /** An endpoint member that is a URL by {@link EndpointUrls}' rules; empty when absent or not acceptable. */
    static Optional<URI> endpoint(ObjectNode metadata, String member) {
        return Json.text(metadata, member)
                .filter(value -> EndpointUrls.problem(value).isEmpty())
                .map(EndpointUrls::parse);
    }
}
