package io.cioconnect.adapter.customerio;

import io.cioconnect.adapter.customerio.ResilientCalls.Results;
import io.cioconnect.application.port.out.ApiKeyVerification;
import io.cioconnect.application.port.out.ApiKeyVerifier;
import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderFailure.Kind;
import io.cioconnect.domain.AppApiKey;
import io.cioconnect.domain.AppApiRegion;
import io.cioconnect.domain.ProviderKind;
import io.cioconnect.domain.Scopes;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Adapter: checks a Customer.io App API key with one {@code GET <region host><check path>} carrying it as
 * a Bearer token. Timeouts, no redirects, a capped body, and per region a client-side rate limit and a
 * circuit breaker; no retry, since the end user is waiting and the form offers one. Details name status
 * codes and kinds of trouble only: neither the key nor anything the API wrote comes back.
 */
public final class AppApiKeyVerifier implements ApiKeyVerifier {

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(AppApiSettings.PROVIDER_ID,
            Scopes.none(), null, false, ProviderKind.APP_API_KEY, "Customer.io App API key");
    /** A key check is read-only, so it could be repeated; it is sent once all the same, a person is waiting. */
    private static final Results<KeyCheck> RESULTS = new Results<>(KeyCheck::failure,
            failure -> new KeyCheck(ApiKeyVerification.unavailable(failure.detail()), failure), true);

    /** A check's verdict, and the failure the circuit breaker and the metrics classify it by. */
    private record KeyCheck(ApiKeyVerification verification, ProviderFailure failure) {
    }

    private final AppApiSettings settings;
    private final ProviderHttp http;
    private final Map<AppApiRegion, ResilientCalls> calls = new EnumMap<>(AppApiRegion.class);
    private final ProviderMetrics metrics;
    private final Clock clock;

    public AppApiKeyVerifier(AppApiSettings settings, MeterRegistry meters) {
        this(settings, meters, Clock.systemUTC());
    }

    public AppApiKeyVerifier(AppApiSettings settings, MeterRegistry meters, Clock clock) {
        this.settings = settings;
        this.http = new ProviderHttp(settings.callPolicy());
        // One breaker and limiter per region: an outage in one data centre must not block the other.
        for (AppApiRegion region : AppApiRegion.values()) {
            calls.put(region, new ResilientCalls(DESCRIPTOR.id().value() + "." + region.code(),
                    settings.callPolicy(), meters));
        }
        this.metrics = new ProviderMetrics(meters, DESCRIPTOR.id());
        this.clock = clock;
    }

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ApiKeyVerification verify(AppApiKey key, AppApiRegion region) {
        HttpRequest request = http.request()
                .uri(settings.checkUrl(region))
                .header("Authorization", "Bearer " + key.value())
                .header("Accept", "application/json")
                .GET()
                .build();
        return metrics.time("check_key", () -> calls.get(region).once(() -> attempt(request), RESULTS),
                KeyCheck::failure).verification();
    }

    private KeyCheck attempt(HttpRequest request) {
        ProviderHttp.Outcome outcome = http.send(request);
        if (outcome.failure() != null) {
            return new KeyCheck(ApiKeyVerification.unavailable(outcome.failure().detail()), outcome.failure());
        }
        ProviderResponse response = outcome.response();
        int status = response.status();
        if (response.isSuccess()) {
            return new KeyCheck(ApiKeyVerification.accepted(), null);
        }
        if (status == 401 || status == 403) {
            String detail = "the App API answered " + status;
            return new KeyCheck(ApiKeyVerification.refused(detail), ProviderFailure.of(Kind.REJECTED, detail));
        }
        if (status == 429) {
            Duration retryAfter = response.header("Retry-After")
                    .flatMap(value -> RetryAfter.parse(value, clock.instant())).orElse(null);
            return unavailable(new ProviderFailure(Kind.RATE_LIMITED, "the App API answered 429", retryAfter));
        }
        if (status >= 500) {
            return unavailable(ProviderFailure.of(Kind.UNAVAILABLE, "the App API answered " + status));
        }
        // A redirect or another 4xx says nothing about the key: most likely a wrong host or check path.
        return unavailable(ProviderFailure.of(Kind.INVALID_RESPONSE,
                "the App API answered " + status + "; check CUSTOMERIO_APP_API_*_URL and _CHECK_PATH"));
    }

    private static KeyCheck unavailable(ProviderFailure failure) {
        return new KeyCheck(ApiKeyVerification.unavailable(failure.detail()), failure);
    }
}
