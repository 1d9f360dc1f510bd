package io.cioconnect.bootstrap.config;

import static io.cioconnect.bootstrap.config.ProviderVariable.CONNECT_TIMEOUT;
import static io.cioconnect.bootstrap.config.ProviderVariable.RATE_LIMIT;
import static io.cioconnect.bootstrap.config.ProviderVariable.REQUEST_TIMEOUT;

import io.cioconnect.adapter.customerio.CallPolicy;
import io.cioconnect.adapter.customerio.EndpointUrls;
import io.cioconnect.domain.ProviderId;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The values every provider reader shares: endpoint URLs and the call policy of {@code <ID>_*_TIMEOUT} and {@code _RATE_LIMIT}. */
final class ProviderValues {

    static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);
    static final int MAX_RATE_LIMIT = 10_000;

    private ProviderValues() {
    }

    /** A URL by the provider adapter's rules (https unless loopback, ...), given or defaulted; empty when unset or wrong. */
    static Optional<URI> endpoint(EnvironmentReader env, Setting setting) {
        Optional<String> value = env.text(setting);
        Optional<String> problem = value.flatMap(EndpointUrls::problem);
        problem.ifPresent(what -> env.problem(setting.name() + " " + what));
        return problem.isPresent() ? Optional.empty() : value.map(EndpointUrls::parse);
    }

    /** The default call policy with this provider's timeouts and rate limit. */
    static CallPolicy callPolicy(EnvironmentReader env, ProviderId id) {
        CallPolicy base = CallPolicy.defaults();
        Duration connect = env.positiveDuration(CONNECT_TIMEOUT.of(id), MAX_TIMEOUT);
        Duration request = env.positiveDuration(REQUEST_TIMEOUT.of(id), MAX_TIMEOUT);
        int permits = env.integer(RATE_LIMIT.of(id), 0, MAX_RATE_LIMIT);
        return base.withTimeouts(connect, request)
                .withRateLimit(new CallPolicy.RateLimit(permits, base.rateLimit().maxWait()));
    }
}
