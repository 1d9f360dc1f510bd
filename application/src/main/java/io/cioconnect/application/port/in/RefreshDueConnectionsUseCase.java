package io.cioconnect.application.port.in;

import io.cioconnect.domain.ProviderId;

/**
 * Use case (background, every {@code REFRESH_INTERVAL}): refresh one provider's connections whose tokens expire
 * within {@code REFRESH_WINDOW}, claiming them so that instances sharing the database split the work. Each
 * provider is swept on its own schedule, so a slow provider delays no other's sweep.
 */
public interface RefreshDueConnectionsUseCase {

    /**
     * Claims and refreshes the provider's due connections until nothing due is left unclaimed; never throws for
     * a failing store or provider. A provider connected without OAuth (App API keys) has nothing to refresh.
     */
    RefreshSweep refreshDue(ProviderId provider);

    /**
     * What one sweep did: connections claimed, and how their refreshes ended ({@code skipped}: no provider
     * call was needed, because another worker had just refreshed or the connection was deleted; {@code errors}:
     * the store failed).
     */
    record RefreshSweep(int claimed, int refreshed, int failed, int reauthorizationRequired, int skipped, int errors) {

        public static RefreshSweep nothing() {
            return new RefreshSweep(0, 0, 0, 0, 0, 0);
        }
    }
}
