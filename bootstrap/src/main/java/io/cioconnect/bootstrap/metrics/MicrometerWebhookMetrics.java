package io.cioconnect.bootstrap.metrics;

import io.cioconnect.application.port.out.WebhookMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@link WebhookMetrics} on Micrometer: the counter {@value #ATTEMPTS} by {@code outcome} ({@code delivered},
 * {@code retried}, {@code failed}) and the histogram {@value #LATENCY} of attempts. The pending gauge is one of
 * the {@link StoreGauges}, read by a job rather than at each scrape. Tags carry no event, connection or URL.
 */
public final class MicrometerWebhookMetrics implements WebhookMetrics {

    public static final String ATTEMPTS = "cioconnect.webhook.deliveries";
    public static final String LATENCY = "cioconnect.webhook.delivery";

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
    private final Timer latency;

    public MicrometerWebhookMetrics(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, Counter.builder(ATTEMPTS)
                    .description("Webhook delivery attempts, by how they ended")
                    .tag("outcome", outcome.wireName())
                    .register(registry));
        }
        latency = Timer.builder(LATENCY)
                .description("How long one webhook delivery attempt took, until the receiver answered or the deadline")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(15))
                .register(registry);
    }

    @Override
    public void attempted(Outcome outcome, Duration took) {
        counters.get(outcome).increment();
        latency.record(took);
    }
}
