package io.cioconnect.adapter.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters of the connect flow and of access-token calls. Labels come from our own vocabularies
 * (provider ids the use case accepted, error codes), never from raw request input.
 */
final class FlowMetrics {

    private final MeterRegistry registry;

    FlowMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void flowStarted(String provider) {
        Counter.builder("cioconnect.flows.started").tag("provider", provider).register(registry).increment();
    }

    void flowCompleted(String provider) {
        Counter.builder("cioconnect.flows.completed").tag("provider", provider).register(registry).increment();
    }

    void flowFailed(String reason) {
        Counter.builder("cioconnect.flows.failed").tag("reason", reason).register(registry).increment();
    }

    void accessToken(String outcome) {
        Counter.builder("cioconnect.access_token.requests").tag("outcome", outcome).register(registry).increment();
    }
}
