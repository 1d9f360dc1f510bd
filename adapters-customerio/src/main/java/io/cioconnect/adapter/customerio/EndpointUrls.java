package io.cioconnect.adapter.customerio;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks provider URLs: absolute http(s), a host, no user info, no fragment, and https unless the host is
 * a loopback address. Problems are phrased for an operator and never repeat the value.
 */
final class EndpointUrls {

    private EndpointUrls() {
    }

    /** The problem with {@code value}, if any, as the rest of a sentence starting with the variable's name. */
    static Optional<String> problem(String value) {
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
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            return Optional.of("must use https (plain http is allowed only for loopback hosts)");
        }
        return Optional.empty();
    }

    /** Parses a value that {@link #problem} accepted. */
    static URI parse(String value) {
        return URI.create(value.trim());
    }

    /** Loopback by name or literal address only: no DNS lookup decides whether a secret travels in clear text. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.matches("127(\\.\\d{1,3}){3}");
    }
}
