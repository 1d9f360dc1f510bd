package io.cioconnect.application;

import io.cioconnect.domain.ConnectTicket;
import io.cioconnect.domain.ProviderId;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The settings the use cases need: where browsers reach us, which {@code return_to} origins are allowed,
 * and the lifetimes and margins of flows and tokens.
 */
public record ConnectSettings(
        URI publicBaseUrl,
        Set<String> allowedReturnOrigins,
        Duration connectSessionTtl,
        Duration authorizationTtl,
        Duration refreshSkew) {

    public ConnectSettings {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        allowedReturnOrigins = Set.copyOf(allowedReturnOrigins);
        requirePositive(connectSessionTtl, "connectSessionTtl");
        requirePositive(authorizationTtl, "authorizationTtl");
        Objects.requireNonNull(refreshSkew, "refreshSkew");
        String base = publicBaseUrl.toString();
        if (base.endsWith("/")) {
            publicBaseUrl = URI.create(base.substring(0, base.length() - 1));
        }
    }

    /** The documented defaults (docs/configuration.md) for everything but the URL and origins. */
    public static ConnectSettings defaults(URI publicBaseUrl, Set<String> allowedReturnOrigins) {
        return new ConnectSettings(publicBaseUrl, allowedReturnOrigins, Duration.ofMinutes(10), Duration.ofMinutes(10),
                Duration.ofSeconds(60));
    }

    /** The URL a host application sends the browser to: {@code <PUBLIC_BASE_URL>/oauth/{provider}/start?ticket=...}. */
    public URI connectUrl(ProviderId provider, ConnectTicket ticket) {
        return URI.create(publicBaseUrl + "/oauth/" + provider.value() + "/start?ticket="
                + URLEncoder.encode(ticket.value(), StandardCharsets.UTF_8));
    }

    /** The registered {@code redirect_uri}: always derived from the public base URL, never from a request. */
    public URI callbackUri(ProviderId provider) {
        return URI.create(publicBaseUrl + "/oauth/" + provider.value() + "/callback");
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
