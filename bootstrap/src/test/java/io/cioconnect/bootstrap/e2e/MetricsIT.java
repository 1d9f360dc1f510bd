package io.cioconnect.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.adapter.persistence.testing.PostgresExtension;
import io.cioconnect.bootstrap.config.Mode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /metrics} of the whole service: the standard binders, the latency histograms and the store gauges. */
class MetricsIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final Pattern LIVE_BUCKET = Pattern.compile(
            "http_server_requests_seconds_bucket\\{method=\"GET\",route=\"/health/live\",status=\"200\",le=\"([^\"]+)\"} (\\S+)");

    @Test
    void exposesTheStandardBindersHistogramsWithAP99AndTheStoreGaugesWithNothingSecret() throws Exception {
        try (RunningService service = RunningService.start(Mode.DEV, POSTGRES.database(), Map.of())) {
            URI back = ConnectFlows.throughSandbox(new Browser(),
                    service.api.createConnectUrl("metrics-owner", "sandbox", RunningService.RETURN_TO));
            String id = ConnectFlows.parameter(back, "connection_id");
            String accessToken = service.api.call("POST", "/api/v1/connections/" + id + "/access-token", null)
                    .json().get("access_token").asText();
            for (int i = 0; i < 100; i++) {
                new Browser().get(service.baseUrl.resolve("/health/live"));
            }

            // The store is read every 15 s: the connection shows at the first read after it was made.
            Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    metrics(service).contains("cio_connections{provider=\"sandbox\",status=\"active\"} 1.0"));
            String metrics = metrics(service);

            assertThat(metrics).contains(
                    "cio_connections{provider=\"sandbox\",status=\"reauthorization_required\"} 0.0",
                    "cio_revocations_pending 0.0",
                    "cio_refresh_overdue_seconds 0.0",
                    "jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                    "process_cpu_usage", "process_uptime_seconds", "process_files_open_files",
                    "hikaricp_connections_active{pool=\"cio-connect-db\"}", "hikaricp_connections_acquire_seconds",
                    "jetty_threads_busy", "jetty_threads_config_max",
                    "resilience4j_circuitbreaker_state{name=\"sandbox\",state=\"closed\"} 1.0",
                    "cioconnect_provider_calls_seconds_bucket{operation=\"exchange\",outcome=\"success\",provider=\"sandbox\",le=",
                    "http_server_requests_seconds_bucket{method=");
            assertThat(p99Seconds(metrics)).as("the p99 of /health/live from its buckets").isPositive().isLessThan(30);
            assertThat(metrics).doesNotContain(accessToken, id, "metrics-owner", service.apiKey);
        }
    }

    /** The p99 as Prometheus' histogram_quantile reads it: the upper bound of the bucket that holds it. */
    private static double p99Seconds(String metrics) {
        List<double[]> buckets = LIVE_BUCKET.matcher(metrics).results()
                .map(match -> new double[] {bound(match), Double.parseDouble(match.group(2))}).toList();
        assertThat(buckets).as("buckets of GET /health/live").hasSizeGreaterThan(10);
        double total = buckets.get(buckets.size() - 1)[1];
        assertThat(total).isGreaterThanOrEqualTo(100);
        return buckets.stream().filter(bucket -> bucket[1] >= 0.99 * total).findFirst().orElseThrow()[0];
    }

    private static double bound(MatchResult match) {
        return "+Inf".equals(match.group(1)) ? Double.POSITIVE_INFINITY : Double.parseDouble(match.group(1));
    }

    private static String metrics(RunningService service) throws Exception {
        return new Browser().get(service.baseUrl.resolve("/metrics")).body();
    }
}
