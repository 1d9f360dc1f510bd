package io.cioconnect.adapter.customerio;

import io.cioconnect.adapter.customerio.McpDiscovery.Found;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * An MCP server's discovered metadata, found when first needed (a flow starts, a token is refreshed), never at
 * start-up, so an unreachable server degrades its own provider only. Kept for a lifetime; a call that failed
 * for a reason that may mean moved endpoints drops it, and the next use discovers again. Failures are not kept.
 */
final class McpMetadataCache {

    private final McpDiscovery discovery;
    private final ProviderMetrics metrics;
    private final Duration lifetime;
    private final Clock clock;
    private Found found;
    private Instant foundAt;

    McpMetadataCache(McpDiscovery discovery, ProviderMetrics metrics, Duration lifetime, Clock clock) {
        this.discovery = discovery;
        this.metrics = metrics;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** The metadata, discovered now unless a fresh copy is kept; one discovery at a time. */
    synchronized Fetched<Found> get() {
        Instant now = clock.instant();
        if (found != null && now.isBefore(foundAt.plus(lifetime))) {
            return Fetched.of(found);
        }
        Fetched<Found> fresh = metrics.time("discovery", discovery::discover, Fetched::failure);
        if (fresh.ok()) {
            found = fresh.value();
            foundAt = now;
        }
        return fresh;
    }

    synchronized void forget() {
        found = null;
    }
}
