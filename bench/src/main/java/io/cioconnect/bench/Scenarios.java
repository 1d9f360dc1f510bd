package io.cioconnect.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** The request scenarios against the service: the baseline and {@code access-token}. */
final class Scenarios {

    private Scenarios() {
    }

    /** {@code GET /health/live}: the server's floor, the same Jetty, filters and request log, and no work. */
    static Scenario healthLive(int servicePort) {
        return (connections, iteration) -> connections.to(servicePort).send("GET", "/health/live", null).status() == 200;
    }

    /** {@code GET /health/ready}: readiness, which asks the database. */
    static Scenario healthReady(int servicePort) {
        return (connections, iteration) -> connections.to(servicePort).send("GET", "/health/ready", null).status() == 200;
    }

    /** {@code POST /api/v1/connections/{id}/access-token} over stored connections, spread by a hash of the iteration. */
    static Scenario accessToken(int servicePort, String apiKey, List<UUID> connectionIds) {
        String authorization = "Authorization: Bearer " + apiKey;
        byte[] accessToken = "\"access_token\"".getBytes(StandardCharsets.US_ASCII);
        return (connections, iteration) -> {
            UUID id = connectionIds.get(Math.floorMod(Integer.rotateLeft(iteration * 0x9E3779B9, 7), connectionIds.size()));
            HttpResponse response = connections.to(servicePort)
                    .send("POST", "/api/v1/connections/" + id + "/access-token", null, authorization);
            return response.status() == 200 && contains(response.body(), accessToken);
        };
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
