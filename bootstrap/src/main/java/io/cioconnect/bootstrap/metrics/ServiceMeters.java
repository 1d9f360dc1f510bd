package io.cioconnect.bootstrap.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * The service's Prometheus registry: latency histograms ({@code _bucket} series, so a p99 can be computed
 * over any set of instances) for HTTP requests and provider calls, and the standard binders of the JVM and
 * the process. The server's threads and the database pool are bound when they exist. Close it last.
 */
public final class ServiceMeters implements AutoCloseable {

    /** The timers published as histograms; their buckets span what a request or a provider call can take. */
    static final Set<String> LATENCY_HISTOGRAMS = Set.of("http.server.requests", "cioconnect.provider.calls");
    private static final Duration SHORTEST_BUCKET = Duration.ofMillis(1);
    private static final Duration LONGEST_BUCKET = Duration.ofSeconds(30);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public ServiceMeters() {
        // Before any meter exists: a filter shapes only the meters registered after it.
        registry.config().meterFilter(latencyHistograms());
        for (MeterBinder binder : List.of(new ClassLoaderMetrics(), new JvmMemoryMetrics(), gc, new JvmThreadMetrics(),
                new JvmInfoMetrics(), new ProcessorMetrics(), new UptimeMetrics(), new FileDescriptorMetrics())) {
            binder.bindTo(registry);
        }
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Binds the HTTP server's (Jetty's) thread pool: threads busy, idle, queued and the limit. */
    public void bindServerThreads(ThreadPool threads) {
        new JettyServerThreadPoolMetrics(threads, Tags.empty()).bindTo(registry);
    }

    private static MeterFilter latencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!LATENCY_HISTOGRAMS.contains(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) SHORTEST_BUCKET.toNanos())
                        .maximumExpectedValue((double) LONGEST_BUCKET.toNanos())
                        .build()
                        .merge(config);
            }
        };
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
