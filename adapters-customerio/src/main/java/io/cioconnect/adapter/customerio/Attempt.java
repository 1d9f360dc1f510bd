package io.cioconnect.adapter.customerio;

import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderFailure.Kind;

/**
 * One try at a provider operation: its result, the failure in it if any, and whether we stopped it
 * ourselves (open circuit, client-side rate limit) without asking the provider.
 */
record Attempt<R>(R result, ProviderFailure failure, boolean local) {

    /** Timeouts, 5xx, 429: worth another try if the retry policy and its budget allow. */
    boolean retryable() {
        return failure != null && !local && failure.isTransient();
    }

    /** Only the provider being unreachable or broken counts towards opening its circuit; a 429 does not. */
    boolean providerFault() {
        return failure != null && !local && failure.kind() == Kind.UNAVAILABLE;
    }
}
