package io.cioconnect.adapter.customerio;

import io.cioconnect.domain.AuthorizationCode;
import io.cioconnect.domain.PkceVerifier;
import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.RevocableToken;
import io.cioconnect.domain.Scopes;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes the token and revocation requests exactly as the provider's settings say: JSON or form body,
 * client credentials in the body or in a Basic header. Secrets only ever travel in a POST body or header.
 */
final class TokenEndpointRequests {

    private final ProviderSettings settings;
    private final Supplier<HttpRequest.Builder> builders;

    TokenEndpointRequests(ProviderSettings settings, Supplier<HttpRequest.Builder> builders) {
        this.settings = settings;
        this.builders = builders;
    }

    /** RFC 6749 §4.1.3 with RFC 7636 §4.5, in the order of Customer.io's integration guide. */
    HttpRequest exchange(AuthorizationCode code, PkceVerifier verifier, URI redirectUri) {
        Map<String, String> parameters = withClientCredentials("authorization_code");
        parameters.put("code", code.value());
        parameters.put("redirect_uri", redirectUri.toString());
        parameters.put("code_verifier", verifier.value());
        return post(settings.tokenUrl(), settings.tokenRequestFormat(), parameters);
    }

    /** RFC 6749 §6. */
    HttpRequest refresh(RefreshToken refreshToken, Scopes scopes) {
        Map<String, String> parameters = withClientCredentials("refresh_token");
        parameters.put("refresh_token", refreshToken.value());
        if (!scopes.isEmpty()) {
            parameters.put("scope", scopes.render());
        }
        return post(settings.tokenUrl(), settings.tokenRequestFormat(), parameters);
    }

    /** RFC 7009 §2.1: always a form body, whatever format the token endpoint takes. */
    HttpRequest revoke(RevocableToken token) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("token", token.value());
        parameters.put("token_type_hint", token.hint().wireName());
        if (settings.clientAuth() == ClientAuthMethod.CLIENT_SECRET_POST) {
            parameters.put("client_id", settings.clientId());
            parameters.put("client_secret", settings.clientSecret().value());
        }
        return post(settings.revocationUrl(), TokenRequestFormat.FORM, parameters);
    }

    /** With {@code client_secret_basic} the body names neither id nor secret: the header does (RFC 6749 §2.3.1). */
    private Map<String, String> withClientCredentials(String grantType) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("grant_type", grantType);
        if (settings.clientAuth() == ClientAuthMethod.CLIENT_SECRET_POST) {
            parameters.put("client_id", settings.clientId());
            parameters.put("client_secret", settings.clientSecret().value());
        }
        return parameters;
    }

    private HttpRequest post(URI url, TokenRequestFormat format, Map<String, String> parameters) {
        byte[] body = format == TokenRequestFormat.JSON
                ? Json.write(parameters)
                : FormEncoding.formBody(parameters).getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder builder = builders.get()
                .uri(url)
                .header("Accept", "application/json")
                .header("Content-Type", format == TokenRequestFormat.JSON
                        ? "application/json" : "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (settings.clientAuth() == ClientAuthMethod.CLIENT_SECRET_BASIC) {
            builder.header("Authorization",
                    FormEncoding.basicAuthorization(settings.clientId(), settings.clientSecret().value()));
        }
        return builder.build();
    }
}
