package io.cioconnect.application.service;

import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.domain.Connection;

/** What a refresh attempt under the connection's lock ended in. */
sealed interface RefreshOutcome {

    /** The token is fresh: refreshed now, or by someone else just before us. */
    record Fresh(Connection connection) implements RefreshOutcome {
    }

    /** The provider failed for a passing reason, but the current token has not expired yet. */
    record StillValid(Connection connection, ProviderFailure failure) implements RefreshOutcome {
    }

    /** The provider failed for a passing reason and the current token has expired. */
    record Unavailable(ProviderFailure failure) implements RefreshOutcome {
    }

    /** The grant is gone; the owner must connect again. */
    record ReauthorizationRequired() implements RefreshOutcome {
    }

    /** The connection was deleted meanwhile. */
    record Gone() implements RefreshOutcome {
    }
}
