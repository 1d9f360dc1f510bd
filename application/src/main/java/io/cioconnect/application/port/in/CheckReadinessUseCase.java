package io.cioconnect.application.port.in;

/** Use case: can this instance serve requests right now (its database, its background jobs, not stopping)? */
public interface CheckReadinessUseCase {

    Readiness check();
}
