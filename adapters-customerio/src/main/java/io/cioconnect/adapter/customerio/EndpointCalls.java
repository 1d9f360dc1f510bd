package io.cioconnect.adapter.customerio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cioconnect.application.port.out.RevocationResult;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.Scopes;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** One request to a token or revocation endpoint, and what its answer means; {@code secrets} never reach a detail. */
final class EndpointCalls {

    private final ProviderHttp http;
    private final Clock clock;

    EndpointCalls(ProviderHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** @param requested the scopes asked for, recorded when the provider does not restate them */
    TokenResult token(HttpRequest request, Scopes requested, Collection<String> secrets) {
        Instant sentAt = clock.instant();
        ProviderHttp.Outcome outcome = http.send(request);
        if (outcome.failure() != null) {
            return new TokenResult.Failed(outcome.failure());
        }
        return TokenResponseParser.parse(outcome.response(), sentAt, clock.instant(), requested, secrets);
    }

    /** RFC 7009 §2.2: a 200 means the token is gone (or never was); the body does not matter. */
    RevocationResult revocation(HttpRequest request, Collection<String> secrets) {
        ProviderHttp.Outcome outcome = http.send(request);
        if (outcome.failure() != null) {
            return new RevocationResult.Failed(outcome.failure());
        }
        ProviderResponse response = outcome.response();
        Optional<ObjectNode> json = response.truncated() ? Optional.empty() : Json.object(response.body());
        return ResponseRules.failure(response, json, clock.instant(), secrets)
                .<RevocationResult>map(RevocationResult.Failed::new)
                .orElseGet(RevocationResult.Revoked::new);
    }
}
