package io.cioconnect.devsandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cioconnect.domain.Loopback;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a client's OAuth Client ID Metadata Document, as an authorization server does when a {@code client_id}
 * is a URL: fetched without following redirects, within deadlines and a size cap, then checked — its
 * {@code client_id} must be that URL exactly, it must name a client and its redirect URIs, and it must be a
 * public client (the sandbox takes no keys). Only https URLs, or http ones on this machine, are fetched.
 */
final class ClientMetadataFetcher {

    static final int MAX_DOCUMENT_BYTES = 16 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /** True for a client id the sandbox would fetch: an https URL with a path, or an http one on loopback. */
    static boolean isDocumentUrl(String clientId) {
        URI url;
        try {
            url = new URI(clientId);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        boolean hasPath = url.getRawPath() != null && url.getRawPath().length() > 1;
        return url.getHost() != null && hasPath && url.getRawFragment() == null && url.getRawUserInfo() == null
                && (scheme.equals("https") || (scheme.equals("http") && Loopback.isLoopback(url)));
    }

    /** The client the document at {@code url} describes; an {@code invalid_client} problem when it does not. */
    SandboxClient fetch(String url) {
        JsonNode document = read(url);
        if (!url.equals(document.path("client_id").asText(null))) {
            throw OAuthProblem.invalidClient("the metadata document's client_id is not its own URL");
        }
        String name = document.path("client_name").asText("");
        JsonNode redirects = document.path("redirect_uris");
        if (name.isBlank() || !redirects.isArray() || redirects.isEmpty()) {
            throw OAuthProblem.invalidClient("the metadata document lacks client_name or redirect_uris");
        }
        if (document.has("client_secret") || !"none".equals(document.path("token_endpoint_auth_method").asText("none"))) {
            throw OAuthProblem.invalidClient("the metadata document must describe a public client (auth method none)");
        }
        Set<String> redirectUris = new HashSet<>();
        redirects.forEach(uri -> redirectUris.add(uri.asText("")));
        return new SandboxClient(url, redirectUris, null, name, SandboxClient.Identity.METADATA_DOCUMENT);
    }

    /** The document as a JSON object; the whole fetch, body included, must end within the deadline. */
    private JsonNode read(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Accept", "application/json").GET().build();
        CompletableFuture<byte[]> fetch = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(ClientMetadataFetcher::cappedBody);
        byte[] bytes;
        try {
            bytes = fetch.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            fetch.cancel(true);
            throw OAuthProblem.invalidClient("the metadata document could not be fetched in time, or not at all");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OAuthProblem.invalidClient("interrupted while fetching the metadata document");
        }
        if (bytes == null) {
            throw OAuthProblem.invalidClient("the metadata document's URL did not answer 200 with at most "
                    + MAX_DOCUMENT_BYTES + " bytes");
        }
        try {
            JsonNode document = JSON.readTree(bytes);
            if (document != null && document.isObject()) {
                return document;
            }
        } catch (IOException e) {
            // answered below
        }
        throw OAuthProblem.invalidClient("the metadata document is not a JSON object");
    }

    /** The body of a 200 of at most {@link #MAX_DOCUMENT_BYTES}, else {@code null}. */
    private static byte[] cappedBody(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(MAX_DOCUMENT_BYTES + 1);
            return response.statusCode() == 200 && bytes.length <= MAX_DOCUMENT_BYTES ? bytes : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
