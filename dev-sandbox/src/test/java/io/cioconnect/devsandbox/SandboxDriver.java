package io.cioconnect.devsandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cioconnect.domain.ClientSecret;
import io.cioconnect.domain.PkceVerifier;
import io.cioconnect.domain.Scopes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives the sandbox provider over real HTTP the way the service's provider client and a browser do. */
final class SandboxDriver implements AutoCloseable {

    static final String CLIENT_ID = "sandbox-client";
    /** Characters that change meaning unless RFC 6749 §2.3.1 form-url-encoding is applied before Base64. */
    static final String CLIENT_SECRET = "s3cret:with %+&=é/?";
    static final String REDIRECT_URI = "http://localhost:8080/oauth/sandbox/callback";
    static final String ISSUER = "http://localhost:8080/sandbox";
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(120);

    private static final Pattern REQUEST_ID = Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    final MovableClock clock;
    final DevServer server;

    SandboxDriver() {
        this(new MovableClock(), CLIENT_ID, "full_access read");
    }

    SandboxDriver(MovableClock clock, String clientId, String scopes) {
        this.clock = clock;
        this.server = new DevServer(new SandboxAuthorizationServer(new SandboxSettings(
                URI.create("http://localhost:8080/"), clientId, new ClientSecret(CLIENT_SECRET),
                URI.create(REDIRECT_URI), Scopes.parse(scopes), ACCESS_TOKEN_LIFETIME, clock)));
    }

    static String newVerifier() {
        byte[] bytes = new byte[PkceVerifier.RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PkceVerifier.fromRandom(bytes).value();
    }

    static String challengeOf(String verifier) {
        return new PkceVerifier(verifier).challenge().value();
    }

    /** A valid authorization request, in order, ready to be altered by a test. */
    static Map<String, String> authorizationRequest(String challenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", CLIENT_ID);
        query.put("redirect_uri", REDIRECT_URI);
        query.put("scope", "full_access");
        query.put("state", "state-123");
        query.put("code_challenge", challenge);
        query.put("code_challenge_method", "S256");
        return query;
    }

    HttpResponse<String> authorize(Map<String, String> query) {
        return server.get("/sandbox/authorize?" + DevServer.encode(query));
    }

    static String requestId(String consentPage) {
        Matcher matcher = REQUEST_ID.matcher(consentPage);
        assertThat(matcher.find()).as("consent page has a request_id").isTrue();
        return matcher.group(1);
    }

    HttpResponse<String> decide(String requestId, String decision) {
        return server.postForm("/sandbox/authorize", Map.of("request_id", requestId, "decision", decision));
    }

    /** The query parameters of a redirect's Location, which must point at the registered redirect URI. */
    static Map<String, String> redirectParameters(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT_URI + "?");
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** Goes through the consent page and Allow; answers the authorization code. */
    String obtainCode(String verifier) {
        HttpResponse<String> page = authorize(authorizationRequest(challengeOf(verifier)));
        assertThat(page.statusCode()).isEqualTo(200);
        return redirectParameters(decide(requestId(page.body()), "allow")).get("code");
    }

    static String basic(String id, String secret) {
        String credentials = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> token(Map<String, String> form) {
        return server.postForm("/sandbox/token", form, "Authorization", basic(CLIENT_ID, CLIENT_SECRET));
    }

    HttpResponse<String> exchange(String code, String verifier) {
        return token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI,
                "code_verifier", verifier));
    }

    HttpResponse<String> refresh(String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    HttpResponse<String> revoke(String token) {
        return server.postForm("/sandbox/revoke", Map.of("token", token), "Authorization", basic(CLIENT_ID, CLIENT_SECRET));
    }

    HttpResponse<String> userInfo(String accessToken) {
        return server.get("/sandbox/userinfo", "Authorization", "Bearer " + accessToken);
    }

    static Map<String, Object> json(HttpResponse<String> response) {
        try {
            return JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts an RFC 6749 §5.2 error answer and its code. */
    static void assertOAuthError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(json(response)).containsEntry("error", error);
    }

    @Override
    public void close() {
        server.close();
    }
}
