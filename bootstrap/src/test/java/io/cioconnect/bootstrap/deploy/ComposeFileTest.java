package io.cioconnect.bootstrap.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml and its proxy: only the proxy publishes a port (Prometheus only on loopback), the proxy
 * keeps /metrics in, every service restarts, variables exist, secrets are files, and the Dockerfile's health
 * check and environment name a route and variables that exist.
 */
class ComposeFileTest {

    private static final JsonNode COMPOSE = Yaml.document("docker-compose.yml");
    private static final String NGINX = Repository.read("deploy/compose/nginx.conf");

    private static JsonNode service(String name) {
        return COMPOSE.at("/services/" + name);
    }

    @Test
    void publishesOnlyTheProxyAndPrometheusOnLoopback() {
        List<String> published = new ArrayList<>();
        COMPOSE.get("services").fields().forEachRemaining(service -> {
            if (service.getValue().has("ports")) {
                published.add(service.getKey());
            }
            assertThat(service.getValue().get("restart").asText()).as(service.getKey()).isEqualTo("unless-stopped");
        });

        assertThat(published).containsExactlyInAnyOrder("proxy", "prometheus");
        assertThat(service("prometheus").get("ports").get(0).asText()).startsWith("127.0.0.1:");
        assertThat(service("prometheus").get("profiles").get(0).asText()).isEqualTo("monitoring");
    }

    @Test
    void theProxyPassesEverythingButMetricsToTheService() {
        Matcher metrics = Pattern.compile("location\\s+/metrics\\s*\\{\\s*return 404;\\s*}").matcher(NGINX);
        assertThat(metrics.find()).as("nginx.conf answers /metrics (and all under it) with 404").isTrue();
        assertThat(NGINX).contains("http://cio-connect:8080").doesNotContain("location = /metrics");
        assertThat(service("proxy").get("volumes").get(0).asText()).startsWith("./deploy/compose/nginx.conf:");
        assertThat(Repository.read("deploy/compose/prometheus.yml")).contains("cio-connect:8080", "metrics_path: /metrics");
        assertThat(ServiceRoutes.serves("GET", "/metrics")).isTrue();
    }

    @Test
    void namesOnlyVariablesTheServiceReadsAndTrustsOnlyTheProxy() {
        JsonNode environment = service("cio-connect").get("environment");
        environment.fieldNames().forEachRemaining(name -> assertThat(KnownVariables.isKnown(name)).as(name).isTrue());
        assertThat(environment.get("TRUSTED_PROXIES").asText())
                .isEqualTo(service("proxy").at("/networks/backend/ipv4_address").asText());
    }

    @Test
    void secretsAreFilesOfComposeSecrets() {
        JsonNode environment = service("cio-connect").get("environment");
        List<String> granted = new ArrayList<>();
        service("cio-connect").get("secrets").forEach(secret -> granted.add(secret.asText()));
        for (String secret : List.of("ENCRYPTION_KEYS", "API_KEYS", "DATABASE_PASSWORD", "CUSTOMERIO_CLIENT_SECRET")) {
            assertThat(environment.has(secret)).as(secret + " as a value").isFalse();
            String file = environment.get(secret + "_FILE").asText();
            assertThat(file).startsWith("/run/secrets/");
            String name = file.substring("/run/secrets/".length());
            assertThat(granted).contains(name);
            assertThat(COMPOSE.at("/secrets/" + name + "/file").asText()).startsWith("./secrets/");
        }
        assertThat(Repository.read(".gitignore")).contains("secrets/");
        assertThat(DockerIgnore.parse(Repository.read(".dockerignore")).excludes("secrets/api_keys")).isTrue();
    }

    @Test
    void theImagesHealthCheckAndEnvironmentNameARouteAndVariablesThatExist() {
        Dockerfile.Stage image = Dockerfile.parse(Repository.read("Dockerfile")).image();
        Matcher path = Pattern.compile("http://127\\.0\\.0\\.1:\\$\\{PORT}(/\\S+?)\"").matcher(image.all("HEALTHCHECK").get(0).arguments());

        assertThat(path.find()).isTrue();
        assertThat(ServiceRoutes.serves("GET", path.group(1))).as(path.group(1)).isTrue();
        for (String pair : image.all("ENV").get(0).arguments().split("\\s+")) {
            assertThat(KnownVariables.isKnown(pair.split("=")[0])).as(pair).isTrue();
        }
    }
}
