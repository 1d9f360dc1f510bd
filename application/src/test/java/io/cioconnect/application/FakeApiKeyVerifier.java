package io.cioconnect.application;

import io.cioconnect.application.port.out.ApiKeyVerification;
import io.cioconnect.application.port.out.ApiKeyVerifier;
import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.domain.AppApiKey;
import io.cioconnect.domain.AppApiRegion;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.ProviderKind;
import io.cioconnect.domain.Scopes;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scriptable App API key check for service and adapter tests: scripted verdicts are used first, in
 * order; otherwise keys starting with {@link #VALID_PREFIX} are accepted and all others refused. It
 * records every key it was asked about.
 */
public final class FakeApiKeyVerifier implements ApiKeyVerifier {

    /** Provider {@code customerio-app-api}: no scopes to ask for, no issuer, nothing to revoke. */
    public static final ProviderDescriptor CUSTOMERIO_APP_API = new ProviderDescriptor(
            new ProviderId("customerio-app-api"), Scopes.none(), null, false, ProviderKind.APP_API_KEY, "Customer.io App API key");
    public static final String VALID_PREFIX = "valid-";

    /** One check: which key, for which region. */
    public record Check(AppApiKey key, AppApiRegion region) {
    }

    public final Queue<ApiKeyVerification> results = new ConcurrentLinkedQueue<>();
    public final List<Check> checks = new CopyOnWriteArrayList<>();

    @Override
    public ProviderDescriptor descriptor() {
        return CUSTOMERIO_APP_API;
    }

    @Override
    public ApiKeyVerification verify(AppApiKey key, AppApiRegion region) {
        checks.add(new Check(key, region));
        ApiKeyVerification scripted = results.poll();
        if (scripted != null) {
            return scripted;
        }
        return key.value().startsWith(VALID_PREFIX) ? ApiKeyVerification.accepted()
                : ApiKeyVerification.refused("401 from the fake App API");
    }

    public int checkCount() {
        return checks.size();
    }
}
