package io.cioconnect.adapter.customerio;

import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.domain.ProviderId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times every provider operation as {@value #TIMER}, tagged with the provider, the operation and the
 * outcome ({@code success} or the failure kind): bounded tags, none of them secret. Failures are logged
 * with their kind and sanitized detail.
 */
final class ProviderMetrics {

    static final String TIMER = "cioconnect.provider.calls";

    private static final Logger LOG = LoggerFactory.getLogger(ProviderMetrics.class);

    private final MeterRegistry registry;
    private final ProviderId provider;

    ProviderMetrics(MeterRegistry registry, ProviderId provider) {
        this.registry = registry;
        this.provider = provider;
    }

    <R> R time(String operation, Supplier<R> call, Function<R, ProviderFailure> failureOf) {
        Timer.Sample sample = Timer.start(registry);
        R result = call.get();
        ProviderFailure failure = failureOf.apply(result);
        String outcome = failure == null ? "success" : failure.kind().name().toLowerCase(Locale.ROOT);
        sample.stop(Timer.builder(TIMER)
                .description("Calls to OAuth providers, retries included")
                .tag("provider", provider.value())
                .tag("operation", operation)
                .tag("outcome", outcome)
                .register(registry));
        if (failure != null) {
            LOG.warn("provider {} {} failed: {} ({})", provider, operation, outcome, failure.detail());
        }
        return result;
    }
}
