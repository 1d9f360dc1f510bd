package io.cioconnect.adapter.customerio;

import io.cioconnect.domain.AppApiRegion;
import io.cioconnect.domain.ProviderId;
import java.net.URI;
import java.util.Objects;

/**
 * Where App API keys are checked: each region's API host and the cheap authenticated path asked there
 * (a 2xx means the key works), and how those calls are bounded.
 */
public record AppApiSettings(URI usUrl, URI euUrl, String checkPath, CallPolicy callPolicy) {

    /** The one provider whose connections are App API keys rather than OAuth grants. */
    public static final ProviderId PROVIDER_ID = new ProviderId("customerio-app-api");
    public static final URI DEFAULT_US_URL = URI.create("https://api.customer.io");
    public static final URI DEFAULT_EU_URL = URI.create("https://api-eu.customer.io");
    public static final String DEFAULT_CHECK_PATH = "/v1/workspaces";

    public AppApiSettings {
        Objects.requireNonNull(usUrl, "usUrl");
        Objects.requireNonNull(euUrl, "euUrl");
        Objects.requireNonNull(callPolicy, "callPolicy");
        if (checkPath == null || !checkPath.startsWith("/")) {
            throw new IllegalArgumentException("checkPath must start with '/'");
        }
        usUrl = withoutTrailingSlash(usUrl);
        euUrl = withoutTrailingSlash(euUrl);
    }

    /** Customer.io's hosts, {@code /v1/workspaces}, and the default call policy (10 requests/s, Customer.io's App API limit). */
    public static AppApiSettings defaults() {
        return new AppApiSettings(DEFAULT_US_URL, DEFAULT_EU_URL, DEFAULT_CHECK_PATH, CallPolicy.defaults());
    }

    /** Both regions served by one stand-in (the {@code dev} sandbox) under {@code baseUrl}, with the default path. */
    public static AppApiSettings bothRegionsAt(URI baseUrl) {
        return new AppApiSettings(baseUrl, baseUrl, DEFAULT_CHECK_PATH, CallPolicy.defaults());
    }

    /** The URL a key for {@code region} is checked at. */
    public URI checkUrl(AppApiRegion region) {
        return URI.create((region == AppApiRegion.EU ? euUrl : usUrl) + checkPath);
    }

    public AppApiSettings withCallPolicy(CallPolicy policy) {
        return new AppApiSettings(usUrl, euUrl, checkPath, policy);
    }

    private static URI withoutTrailingSlash(URI url) {
        return URI.create(url.toString().replaceAll("/+$", ""));
    }
}
