package io.cioconnect.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The host application's backend: calls {@code /api/v1} with its API key. */
public final class HostApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String apiKey;

    public HostApi(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    /** A parsed answer; {@code json} is null when there was no body. */
    public record Answer(int status, JsonNode json, HttpResponse<String> raw) {
    }

    public Answer call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + apiKey);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json, response);
    }

    public URI createConnectUrl(String owner, String provider, String returnTo) throws IOException, InterruptedException {
        return createConnectUrl(owner, provider, returnTo, null);
    }

    /** As above, with a {@code client_state} (sent as a JSON string) unless it is null. */
    public URI createConnectUrl(String owner, String provider, String returnTo, String clientState)
            throws IOException, InterruptedException {
        Answer created = call("POST", "/api/v1/connect-sessions",
                "{\"owner\":\"" + owner + "\",\"provider\":\"" + provider + "\",\"return_to\":\"" + returnTo + "\""
                        + (clientState == null ? "" : ",\"client_state\":" + JSON.writeValueAsString(clientState)) + "}");
        if (created.status() != 201) {
            throw new AssertionError("connect session not created: " + created.status() + " " + created.raw().body());
        }
        return URI.create(created.json().get("connect_url").asText());
    }
}
