package io.cioconnect.bootstrap.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes: probes and scrape annotations name routes the service registers, every variable is one
 * the service reads, secrets arrive as files, the pod runs as the image's user and drains before it stops, and
 * nothing outside the cluster reaches /metrics.
 */
class KubernetesManifestsTest {

    private static final String DIR = "deploy/kubernetes/";

    private static JsonNode manifest(String kind) {
        return Yaml.document(DIR + kind.toLowerCase() + ".yaml");
    }

    private static JsonNode pod() {
        return manifest("Deployment").at("/spec/template");
    }

    private static JsonNode container() {
        JsonNode containers = pod().at("/spec/containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    @Test
    void probesAndScrapeAnnotationsNameRoutesTheServiceServesOnItsPort() {
        JsonNode container = container();
        List<String> paths = new ArrayList<>();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            JsonNode get = container.at("/" + probe + "/httpGet");
            assertThat(get.isMissingNode()).as(probe).isFalse();
            assertThat(get.get("port").asText()).as(probe).isEqualTo(container.at("/ports/0/name").asText());
            paths.add(get.get("path").asText());
        }
        JsonNode annotations = pod().at("/metadata/annotations");
        paths.add(annotations.get("prometheus.io/path").asText());

        assertThat(paths).allSatisfy(path -> assertThat(ServiceRoutes.serves("GET", path)).as(path).isTrue());
        assertThat(paths).containsSubsequence("/health/live", "/health/live", "/health/ready", "/metrics");
        assertThat(annotations.get("prometheus.io/port").asInt()).isEqualTo(container.at("/ports/0/containerPort").asInt());
    }

    @Test
    void namesOnlyVariablesTheServiceReads() {
        List<String> names = new ArrayList<>();
        container().get("env").forEach(variable -> names.add(variable.get("name").asText()));
        manifest("ConfigMap").get("data").fieldNames().forEachRemaining(names::add);

        assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(KnownVariables.isKnown(name)).as(name).isTrue());
        assertThat(container().at("/envFrom/0/configMapRef/name").asText())
                .isEqualTo(manifest("ConfigMap").at("/metadata/name").asText());
    }

    @Test
    void secretsArriveAsFilesFromTheMountedSecret() {
        JsonNode mount = container().get("volumeMounts").get(0);
        JsonNode volume = pod().at("/spec/volumes/0");
        assertThat(volume.get("name").asText()).isEqualTo(mount.get("name").asText());
        assertThat(volume.at("/secret/secretName").asText()).isNotEmpty();
        assertThat(volume.at("/secret/defaultMode").asInt() & 040).as("readable by the fsGroup").isEqualTo(040);

        List<String> files = new ArrayList<>();
        container().get("env").forEach(variable -> {
            assertThat(variable.has("valueFrom")).as(variable.get("name") + " from a secret as a value").isFalse();
            if (variable.get("name").asText().endsWith("_FILE")) {
                files.add(variable.get("value").asText());
            }
        });
        assertThat(files).hasSize(4).allSatisfy(file -> assertThat(file).startsWith(mount.get("mountPath").asText() + "/"));
        assertThat(manifest("ConfigMap").get("data").fieldNames()).toIterable()
                .doesNotContain("ENCRYPTION_KEYS", "API_KEYS", "DATABASE_PASSWORD", "CUSTOMERIO_CLIENT_SECRET");
    }

    @Test
    void runsAsTheImagesUserWithoutPrivilegesAndDrainsBeforeStopping() {
        JsonNode security = pod().at("/spec/securityContext");
        String user = Dockerfile.parse(Repository.read("Dockerfile")).image().all("USER").get(0).arguments();
        assertThat(security.get("runAsNonRoot").asBoolean()).isTrue();
        assertThat(security.get("runAsUser").asText() + ":" + security.get("runAsGroup").asText()).isEqualTo(user);
        assertThat(container().at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(container().at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container().at("/resources/limits/memory").asText()).isNotEmpty();

        JsonNode preStop = container().at("/lifecycle/preStop/exec/command");
        assertThat(preStop.get(0).asText()).isEqualTo("sleep");
        int drain = preStop.get(1).asInt();
        // After the drain, the service's own graceful stop: a running background job gets up to 10 s
        // (BackgroundJobs), then requests in flight 10 s (CioConnect.STOP_TIMEOUT).
        assertThat(pod().at("/spec/terminationGracePeriodSeconds").asInt()).isGreaterThan(drain + 10 + 10);
        assertThat(drain).isPositive();
    }

    @Test
    void onlyPublicPathsLeaveTheClusterAndNeverMetricsOrHealth() {
        assertThat(manifest("Service").at("/spec/type").asText("ClusterIP")).isEqualTo("ClusterIP");
        List<String> paths = new ArrayList<>();
        manifest("Ingress").at("/spec/rules").forEach(rule -> rule.at("/http/paths").forEach(path -> paths.add(path.get("path").asText())));

        assertThat(paths).isNotEmpty().allSatisfy(path -> {
            assertThat(ServiceRoutes.hasRouteUnder(path)).as(path + " routes to something").isTrue();
            assertThat("/metrics").as(path).doesNotStartWith(path);
            assertThat("/health/ready").as(path).doesNotStartWith(path);
        });
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        List<String> resources = new ArrayList<>();
        Yaml.document(DIR + "kustomization.yaml").get("resources").forEach(resource -> resources.add(resource.asText()));
        try (Stream<java.nio.file.Path> files = Files.list(Repository.root().resolve(DIR))) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> !name.equals("kustomization.yaml")))
                    .containsExactlyInAnyOrderElementsOf(resources);
        }
    }
}
