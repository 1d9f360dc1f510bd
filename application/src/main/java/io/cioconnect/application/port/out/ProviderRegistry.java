package io.cioconnect.application.port.out;

import io.cioconnect.domain.ProviderId;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: the providers this deployment has enabled. Most speak OAuth 2.0; some (App API keys) are
 * connected through a form of their own and have a descriptor but no {@link OAuthProvider}.
 */
public interface ProviderRegistry {

    /** The OAuth 2.0 client of an enabled provider; empty for unknown providers and for API-key providers. */
    Optional<OAuthProvider> find(ProviderId id);

    /** Every enabled provider's descriptor, OAuth or not, in configuration order. */
    List<ProviderDescriptor> descriptors();

    /** The descriptor of an enabled provider, OAuth or not. */
    default Optional<ProviderDescriptor> descriptor(ProviderId id) {
        return descriptors().stream().filter(descriptor -> descriptor.id().equals(id)).findFirst();
    }
}
