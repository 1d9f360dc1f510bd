package io.cioconnect.bootstrap.config;

import static io.cioconnect.bootstrap.config.ProviderVariable.AUTHORIZE_URL;
import static io.cioconnect.bootstrap.config.ProviderVariable.CLIENT_AUTH;
import static io.cioconnect.bootstrap.config.ProviderVariable.CLIENT_ID;
import static io.cioconnect.bootstrap.config.ProviderVariable.CLIENT_SECRET;
import static io.cioconnect.bootstrap.config.ProviderVariable.ISSUER;
import static io.cioconnect.bootstrap.config.ProviderVariable.REQUIRE_ISS;
import static io.cioconnect.bootstrap.config.ProviderVariable.REVOCATION_URL;
import static io.cioconnect.bootstrap.config.ProviderVariable.SCOPES;
import static io.cioconnect.bootstrap.config.ProviderVariable.TOKEN_REQUEST_FORMAT;
import static io.cioconnect.bootstrap.config.ProviderVariable.TOKEN_URL;

import io.cioconnect.adapter.customerio.CallPolicy;
import io.cioconnect.adapter.customerio.ClientAuthMethod;
import io.cioconnect.adapter.customerio.CustomerIoPresets;
import io.cioconnect.adapter.customerio.CustomerIoPresets.Region;
import io.cioconnect.adapter.customerio.EndpointUrls;
import io.cioconnect.adapter.customerio.ProviderSettings;
import io.cioconnect.adapter.customerio.TokenRequestFormat;
import io.cioconnect.domain.ClientSecret;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.Scopes;
import java.net.URI;
import java.util.Optional;

/**
 * Reads one OAuth provider's {@code <ID>_*} variables into the provider adapter's {@link ProviderSettings},
 * with Customer.io's presets for {@code customerio}. Give it a reader of its own: it answers empty when
 * that reader holds any problem.
 */
final class ProviderSettingsReader {

    private ProviderSettingsReader() {
    }

    static Optional<ProviderSettings> read(EnvironmentReader env, ProviderId id) {
        boolean customerIo = CustomerIoPresets.appliesTo(id);
        Region region = customerIo ? region(env) : Region.US;
        String clientId = credential(env, CLIENT_ID.of(id), "the client id registered at the provider");
        String secret = credential(env, CLIENT_SECRET.of(id), "the client secret registered at the provider");
        Optional<URI> authorize = ProviderValues.endpoint(env, AUTHORIZE_URL.of(id));
        Optional<URI> token = customerIo && !env.isGiven(TOKEN_URL.of(id)) ? Optional.of(region.tokenUrl())
                : ProviderValues.endpoint(env, TOKEN_URL.of(id));
        Optional<URI> revocation = ProviderValues.endpoint(env, REVOCATION_URL.of(id));
        Optional<String> issuer = issuer(env, id);
        requireEndpointsOrIssuer(env, id, authorize, token);
        authorize.flatMap(EndpointUrls::authorizeUrlProblem)
                .ifPresent(what -> env.problem(AUTHORIZE_URL.of(id).name() + " " + what));
        Scopes scopes = scopes(env, SCOPES.of(id));
        TokenRequestFormat format = env.value(TOKEN_REQUEST_FORMAT.of(id), TokenRequestFormat::parse, "must be json or form");
        ClientAuthMethod auth = env.value(CLIENT_AUTH.of(id), ClientAuthMethod::parse,
                "must be client_secret_post or client_secret_basic");
        CallPolicy policy = ProviderValues.callPolicy(env, id);
        boolean requireIss = env.bool(REQUIRE_ISS.of(id));
        if (!env.problems().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProviderSettings(id, clientId, new ClientSecret(secret), authorize.orElse(null),
                token.orElse(null), revocation.orElse(null), issuer.orElse(null), scopes, format, auth, policy,
                requireIss && issuer.isPresent()));
    }

    private static Region region(EnvironmentReader env) {
        return env.value(Variable.CUSTOMERIO_REGION, Region::parse, "must be us or eu");
    }

    /** Required, and free of control characters (a stray newline inside a secret pasted from somewhere). */
    private static String credential(EnvironmentReader env, Setting setting, String what) {
        Optional<String> value = env.required(setting, what);
        if (value.isPresent() && value.get().chars().anyMatch(Character::isISOControl)) {
            env.problem(setting.name() + " contains control characters");
            return null;
        }
        return value.orElse(null);
    }

    /** RFC 8414 §2: an https URL without query or fragment, compared later character for character. */
    private static Optional<String> issuer(EnvironmentReader env, ProviderId id) {
        Optional<URI> issuer = ProviderValues.endpoint(env, ISSUER.of(id));
        if (issuer.isPresent() && issuer.get().getRawQuery() != null) {
            env.problem(ISSUER.of(id).name() + " must not contain a query");
            return Optional.empty();
        }
        return issuer.flatMap(valid -> env.given(ISSUER.of(id)));
    }

    private static void requireEndpointsOrIssuer(EnvironmentReader env, ProviderId id, Optional<URI> authorize,
            Optional<URI> token) {
        if (env.isGiven(ISSUER.of(id))) {
            return;
        }
        String discover = " is missing (or set " + ISSUER.of(id).name() + " to discover it)";
        if (authorize.isEmpty() && !env.isGiven(AUTHORIZE_URL.of(id))) {
            env.problem(AUTHORIZE_URL.of(id).name() + discover);
        }
        if (token.isEmpty() && !env.isGiven(TOKEN_URL.of(id))) {
            env.problem(TOKEN_URL.of(id).name() + discover);
        }
    }

    private static Scopes scopes(EnvironmentReader env, Setting setting) {
        try {
            return Scopes.parse(env.text(setting).orElse(""));
        } catch (DomainException e) {
            env.problem(setting.name() + " must be space-separated scopes: " + e.getMessage());
            return Scopes.none();
        }
    }
}
