package io.cioconnect.application.port.out;

import io.cioconnect.domain.ProviderId;
import java.util.List;
import java.util.Optional;

/** Out-port: the OAuth providers this deployment has enabled. */
public interface ProviderRegistry {

    Optional<OAuthProvider> find(ProviderId id);

    /** Every enabled provider's descriptor, in configuration order. */
    List<ProviderDescriptor> descriptors();
}
