package io.cioconnect.adapter.customerio;

import io.cioconnect.domain.Loopback;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules for provider URLs, configured or discovered: absolute http(s), a host, no user info, no
 * fragment, and https unless the host is loopback. Problems are phrased for an operator and never repeat
 * the value.
 */
public final class EndpointUrls {

    private EndpointUrls() {
    }

    /** The problem with {@code value}, if any, as the rest of a sentence starting with the variable's name. */
    public static Optional<String> problem(String value) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            return Optional.of("must be an absolute http(s) URL with a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("must not contain user info or a fragment");
        }
        if (scheme.equals("http") && !Loopback.isLoopback(uri)) {
            return Optional.of("must use https (plain http is allowed only for loopback hosts)");
        }
        return Optional.empty();
    }

    /** Parses a value that {@link #problem} accepted. */
    public static URI parse(String value) {
        return URI.create(value.trim());
    }

    /** The problem with a configured authorize URL's query, if it already carries a parameter this service sets. */
    public static Optional<String> authorizeUrlProblem(URI authorizeUrl) {
        return AuthorizeUrl.reservedParameterProblem(authorizeUrl);
    }
}
