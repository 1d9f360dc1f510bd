package io.cioconnect.adapter.customerio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderFailure.Kind;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.AccessToken;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.TokenSet;
import io.cioconnect.domain.TokenType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validates a token endpoint's answer (RFC 6749 §5.1) into a {@link TokenSet}, or says why it is not one.
 * Failure details never carry the body, a token, or a secret we sent. Public for the JMH benchmark only;
 * the adapter's callers reach it through its providers.
 */
public final class TokenResponseParser {

    /** RFC 6749 Appendix A: visible ASCII; we also refuse spaces, which no Bearer token (RFC 6750) has. */
    private static final Pattern TOKEN_CHARACTERS = Pattern.compile("[\\x21-\\x7E]+");

    private TokenResponseParser() {
    }

    /**
     * @param sentAt    when the request left: lifetimes count from there, so we never think a token lives longer
     * @param requested the scopes asked for, recorded when the provider does not restate them
     */
    public static TokenResult parse(ProviderResponse response, Instant sentAt, Instant now, Scopes requested,
            Collection<String> secrets) {
        Optional<ObjectNode> json = response.truncated() ? Optional.empty() : Json.object(response.body());
        Optional<ProviderFailure> failure = ResponseRules.failure(response, json, now, secrets);
        if (failure.isPresent()) {
            return new TokenResult.Failed(failure.get());
        }
        if (response.truncated()) {
            return invalid("body longer than " + response.body().length + " bytes; not a token response");
        }
        if (json.isEmpty()) {
            return invalid(describeNonJson(response.body()));
        }
        return tokens(json.get(), sentAt, requested);
    }

    private static TokenResult tokens(ObjectNode json, Instant sentAt, Scopes requested) {
        Optional<String> access = Json.text(json, "access_token");
        if (access.isEmpty()) {
            return invalid("no access_token string in the token response");
        }
        if (!TOKEN_CHARACTERS.matcher(access.get()).matches()) {
            return invalid("access_token holds characters other than visible ASCII");
        }
        Optional<TokenType> type = Json.absent(json, "token_type")
                ? Optional.of(TokenType.BEARER) // Customer.io may leave it out; Bearer is the only type it issues.
                : Json.text(json, "token_type").flatMap(TokenType::parse);
        if (type.isEmpty()) {
            return invalid("unsupported token_type " + Json.text(json, "token_type").map(SafeText::code).orElse("(not a string)"));
        }
        Optional<Duration> lifetime = ExpiresIn.parse(json.get("expires_in"));
        if (lifetime.isEmpty()) {
            return invalid("expires_in is not a positive number of seconds");
        }
        RefreshToken refresh = null;
        if (!Json.absent(json, "refresh_token")) {
            Optional<String> value = Json.text(json, "refresh_token").filter(v -> TOKEN_CHARACTERS.matcher(v).matches());
            if (value.isEmpty()) {
                return invalid("refresh_token is not a string of visible ASCII characters");
            }
            refresh = new RefreshToken(value.get());
        }
        Optional<Scopes> scopes = grantedScopes(json, requested);
        if (scopes.isEmpty()) {
            return invalid("scope is not a space-separated list of scope tokens");
        }
        return new TokenResult.Issued(new TokenSet(new AccessToken(access.get()), refresh, type.get(),
                sentAt.plus(lifetime.get()), scopes.get()));
    }

    /** RFC 6749 §5.1: {@code scope} may be omitted when it equals what was asked; a narrower grant is recorded. */
    private static Optional<Scopes> grantedScopes(ObjectNode json, Scopes requested) {
        if (Json.absent(json, "scope")) {
            return Optional.of(requested);
        }
        Optional<String> text = Json.text(json, "scope");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().isBlank()) {
            return Optional.of(requested);
        }
        try {
            return Optional.of(Scopes.parse(text.get()));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    private static String describeNonJson(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).stripLeading();
        if (start.isEmpty()) {
            return "empty body; not a token response";
        }
        if (start.startsWith("<")) {
            return "an HTML or XML body; not a token response";
        }
        return "body is not a JSON object; not a token response";
    }

    private static TokenResult invalid(String detail) {
        return new TokenResult.Failed(ProviderFailure.of(Kind.INVALID_RESPONSE, detail));
    }
}
