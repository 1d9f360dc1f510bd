package io.cioconnect.application.port.in;

/** Use case (background): delete connect sessions and pending authorizations that have expired. */
public interface PurgeExpiredFlowsUseCase {

    /** Returns how many rows were removed. */
    int purgeExpired();
}
