package io.cioconnect.adapter.customerio;

import io.cioconnect.adapter.customerio.CustomerIoPresets.Region;
import io.cioconnect.domain.ClientSecret;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.Scopes;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one provider's settings from the environment exactly as SPEC §3 names them, with Customer.io's
 * presets for {@code customerio}. Returns every problem at once, one line each, never echoing a value.
 */
public final class ProviderSettingsReader {

    private final CallPolicy basePolicy;

    public ProviderSettingsReader() {
        this(CallPolicy.defaults());
    }

    /** A reader whose timeouts and rate limit default to {@code basePolicy}'s. */
    public ProviderSettingsReader(CallPolicy basePolicy) {
        this.basePolicy = basePolicy;
    }

    public SettingsResult read(ProviderId id, Map<String, String> environment) {
        EnvironmentVariables env = new EnvironmentVariables(environment, id.environmentPrefix());
        boolean customerIo = CustomerIoPresets.appliesTo(id);
        Region region = customerIo ? region(env) : Region.US;

        String clientId = env.required("CLIENT_ID");
        String secret = env.required("CLIENT_SECRET");
        URI authorize = env.url("AUTHORIZE_URL", customerIo ? CustomerIoPresets.AUTHORIZE_URL : null);
        URI token = env.url("TOKEN_URL", customerIo ? region.tokenUrl() : null);
        URI revocation = env.url("REVOCATION_URL", null);
        String issuer = issuer(env);
        requireEndpointsOrIssuer(env, authorize, token, issuer);
        if (authorize != null) {
            AuthorizeUrl.reservedParameterProblem(authorize)
                    .ifPresent(what -> env.problem(env.name("AUTHORIZE_URL") + " " + what));
        }
        Scopes scopes = scopes(env, customerIo);
        TokenRequestFormat format = env.parsed("TOKEN_REQUEST_FORMAT",
                customerIo ? TokenRequestFormat.JSON : TokenRequestFormat.FORM,
                TokenRequestFormat::parse, "must be json or form");
        ClientAuthMethod auth = env.parsed("CLIENT_AUTH",
                customerIo ? ClientAuthMethod.CLIENT_SECRET_POST : ClientAuthMethod.CLIENT_SECRET_BASIC,
                ClientAuthMethod::parse, "must be client_secret_post or client_secret_basic");
        CallPolicy policy = CallPolicies.read(env, basePolicy);
        boolean requireIss = env.parsed("REQUIRE_ISS", false, ProviderSettingsReader::bool, "must be true or false");

        if (!env.problems().isEmpty()) {
            return new SettingsResult.Invalid(env.problems());
        }
        return new SettingsResult.Valid(new ProviderSettings(id, clientId, new ClientSecret(secret),
                authorize, token, revocation, issuer, scopes, format, auth, policy, requireIss && issuer != null));
    }

    private static Region region(EnvironmentVariables env) {
        Optional<Region> region = Region.parse(env.raw(CustomerIoPresets.REGION_VARIABLE).orElse(null));
        if (region.isEmpty()) {
            env.problem(CustomerIoPresets.REGION_VARIABLE + " must be us or eu");
        }
        return region.orElse(Region.US);
    }

    /** RFC 8414 §2: an https URL without query or fragment, compared later character for character. */
    private static String issuer(EnvironmentVariables env) {
        URI issuer = env.url("ISSUER", null);
        if (issuer != null && issuer.getRawQuery() != null) {
            env.problem(env.name("ISSUER") + " must not contain a query");
            return null;
        }
        return issuer == null ? null : env.text("ISSUER").orElseThrow().trim();
    }

    private static void requireEndpointsOrIssuer(EnvironmentVariables env, URI authorize, URI token, String issuer) {
        boolean issuerConfigured = env.text("ISSUER").isPresent();
        if (issuerConfigured) {
            return;
        }
        if (authorize == null && env.text("AUTHORIZE_URL").isEmpty()) {
            env.problem(env.name("AUTHORIZE_URL") + " is missing (or set " + env.name("ISSUER") + " to discover it)");
        }
        if (token == null && env.text("TOKEN_URL").isEmpty()) {
            env.problem(env.name("TOKEN_URL") + " is missing (or set " + env.name("ISSUER") + " to discover it)");
        }
    }

    private static Scopes scopes(EnvironmentVariables env, boolean customerIo) {
        Optional<String> configured = env.text("SCOPES");
        try {
            return Scopes.parse(configured.orElse(customerIo ? CustomerIoPresets.SCOPES : ""));
        } catch (DomainException e) {
            env.problem(env.name("SCOPES") + " must be space-separated scopes: " + e.getMessage());
            return Scopes.none();
        }
    }

    private static Optional<Boolean> bool(String value) {
        return value.equals("true") || value.equals("false") ? Optional.of(Boolean.parseBoolean(value)) : Optional.empty();
    }
}
