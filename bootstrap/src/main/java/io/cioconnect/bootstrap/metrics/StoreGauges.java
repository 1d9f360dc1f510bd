package io.cioconnect.bootstrap.metrics;

import io.cioconnect.adapter.persistence.StoreStatistics;
import io.cioconnect.adapter.persistence.StoreStatistics.ConnectionGroup;
import io.cioconnect.adapter.persistence.StoreStatistics.Snapshot;
import io.cioconnect.domain.ConnectionStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gauges read from the store: {@value #CONNECTIONS}{@code {provider,status}}, {@value #REVOCATIONS_PENDING},
 * {@value #REFRESH_OVERDUE} (seconds) and {@value #WEBHOOK_EVENTS_PENDING}. A background job reads the store every {@link #INTERVAL}
 * ({@link #refresh}); a scrape reads the last values from memory, so it never queries or waits on the database.
 * Until the first read they are NaN; while the database is down they keep their last values.
 */
public final class StoreGauges {

    /** How often the store is read: about one Prometheus scrape interval, so a scrape sees fresh values. */
    public static final Duration INTERVAL = Duration.ofSeconds(15);
    static final String CONNECTIONS = "cio.connections";
    static final String REVOCATIONS_PENDING = "cio.revocations.pending";
    static final String REFRESH_OVERDUE = "cio.refresh.overdue";
    static final String WEBHOOK_EVENTS_PENDING = "cio.webhook.events.pending";
    private static final Logger LOG = LoggerFactory.getLogger(StoreGauges.class);

    /** What the last read found, with the overdue time as of that read. */
    private record Reading(Snapshot snapshot, Duration refreshOverdue) {
    }

    private final MeterRegistry registry;
    private final StoreStatistics statistics;
    private final Clock clock;
    private final Duration refreshWindow;
    private volatile Reading last;

    /** Registers the gauges, with a series for every status of every enabled provider from the start. */
    public StoreGauges(MeterRegistry registry, StoreStatistics statistics, Clock clock, Duration refreshWindow,
            Collection<String> providers) {
        this.registry = registry;
        this.statistics = statistics;
        this.clock = clock;
        this.refreshWindow = refreshWindow;
        for (String provider : providers) {
            for (ConnectionStatus status : ConnectionStatus.values()) {
                register(new ConnectionGroup(provider, status.wireName()));
            }
        }
        gauge(REVOCATIONS_PENDING, "Revocations queued and not yet accepted by their provider",
                reading -> reading.snapshot().revocationsPending()).register(registry);
        gauge(REFRESH_OVERDUE, "How long the oldest refresh that is due has waited (0: none is due)",
                reading -> reading.refreshOverdue().toMillis() / 1000.0).baseUnit("seconds").register(registry);
        gauge(WEBHOOK_EVENTS_PENDING, "Webhook events waiting to be delivered",
                reading -> reading.snapshot().webhookEventsPending()).register(registry);
    }

    /**
     * Reads the store once: the body of the background job. A failed read keeps the last values and ends the
     * run normally: metrics must never take an instance out of the load balancer (readiness has its own check
     * of the database).
     */
    public int refresh() {
        Instant now = clock.instant();
        Snapshot snapshot;
        try {
            snapshot = statistics.read(now, refreshWindow);
        } catch (RuntimeException e) {
            LOG.warn("Store gauges not refreshed, they keep their last values: {}", e.toString());
            return 0;
        }
        // Rows of a provider no longer enabled are still stored, and still counted.
        snapshot.connections().keySet().forEach(this::register);
        last = new Reading(snapshot, snapshot.refreshOverdue(now));
        return 0;
    }

    private void register(ConnectionGroup group) {
        gauge(CONNECTIONS, "Stored connections by provider and status",
                reading -> reading.snapshot().connections().getOrDefault(group, 0L))
                .tag("provider", group.provider())
                .tag("status", group.status())
                .register(registry);
    }

    private Gauge.Builder<StoreGauges> gauge(String name, String description, ToDoubleFunction<Reading> value) {
        return Gauge.builder(name, this, gauges -> gauges.last == null ? Double.NaN : value.applyAsDouble(gauges.last))
                .description(description)
                .strongReference(true);
    }
}
