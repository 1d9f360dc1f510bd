package io.cioconnect.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where the browser goes back to after a flow: an absolute http(s) URL whose origin is on the allow-list.
 * Parsing is strict on purpose (RFC 9700 §4.11: open redirectors).
 */
public record ReturnTo(URI uri) {

    public static final int MAX_LENGTH = 2048;

    private static final Pattern ENCODED_CONTROL = Pattern.compile("%(0[0-9a-f]|1[0-9a-f]|7f)", Pattern.CASE_INSENSITIVE);

    public ReturnTo {
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null) {
            throw invalid();
        }
    }

    /**
     * Parses a {@code return_to} and checks its origin against {@code allowedOrigins} (exact match of
     * {@code scheme://host[:port]}, lower case, default ports omitted).
     */
    public static ReturnTo parse(String raw, Set<String> allowedOrigins) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH || hasForbiddenCharacter(raw)
                || ENCODED_CONTROL.matcher(raw).find()) {
            throw invalid();
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw invalid();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean hierarchical = raw.regionMatches(true, 0, scheme + "://", 0, scheme.length() + 3);
        if (!(scheme.equals("https") || scheme.equals("http")) || !hierarchical
                || uri.getRawUserInfo() != null || uri.getHost() == null || uri.getRawAuthority() == null
                || !uri.getRawAuthority().equalsIgnoreCase(hostAndPort(uri))) {
            throw invalid();
        }
        ReturnTo returnTo = new ReturnTo(uri);
        if (!allowedOrigins.contains(returnTo.origin())) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "return_to origin is not in RETURN_TO_ALLOWED_ORIGINS");
        }
        return returnTo;
    }

    /** Normalises an origin such as {@code https://App.example.com:443} to {@code https://app.example.com}. */
    public static String normaliseOrigin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** This URL's origin, normalised. */
    public String origin() {
        return normaliseOrigin(uri);
    }

    /**
     * Where the browser goes after a flow made (or renewed) connection {@code id}:
     * {@code ?connection_id=<id>&status=connected}, then {@code &client_state=...} when the host sent one.
     */
    public URI connected(ConnectionId id, ClientState clientState) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("connection_id", id.toString());
        parameters.put("status", "connected");
        return withClientState(parameters, clientState);
    }

    /** Where the browser goes after an identified flow failed: {@code ?status=error&error=<code>}, then the client state. */
    public URI failed(FlowError error, ClientState clientState) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("status", "error");
        parameters.put("error", error.code());
        return withClientState(parameters, clientState);
    }

    private URI withClientState(Map<String, String> parameters, ClientState clientState) {
        if (clientState != null) {
            parameters.put("client_state", clientState.value());
        }
        return withQueryParameters(parameters);
    }

    /** This URL with the parameters appended to its query (before any fragment), values URL-encoded. */
    public URI withQueryParameters(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return uri;
        }
        StringBuilder query = new StringBuilder(uri.getRawQuery() == null ? "" : uri.getRawQuery());
        parameters.forEach((name, value) -> {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(encode(name)).append('=').append(encode(value));
        });
        String base = uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
        String fragment = uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment();
        return URI.create(base + "?" + query + fragment);
    }

    private static String hostAndPort(URI uri) {
        return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private static boolean hasForbiddenCharacter(String raw) {
        return raw.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || c == '\\' || c > 0x7e);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static DomainException invalid() {
        return new DomainException(ErrorCode.VALIDATION_FAILED,
                "return_to must be an absolute http(s) URL without user info, spaces, backslashes or control characters");
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
