package io.cioconnect.application.port.out;

import io.cioconnect.domain.AppApiKey;
import io.cioconnect.domain.AppApiRegion;

/**
 * Out-port: checks an App API key with one cheap authenticated call to its region's API. Implementations
 * never throw for what the API may do, and never put the key into a result, a log line or a URL.
 */
public interface ApiKeyVerifier {

    /** The provider whose connections these keys are: not an OAuth provider, so no revocation, no issuer. */
    ProviderDescriptor descriptor();

    ApiKeyVerification verify(AppApiKey key, AppApiRegion region);
}
