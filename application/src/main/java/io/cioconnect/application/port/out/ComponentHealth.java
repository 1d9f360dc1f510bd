package io.cioconnect.application.port.out;

import io.cioconnect.application.port.in.Readiness;
import java.util.List;

/**
 * Out-port: parts of the service beside the store that readiness reports on (each background job, a stop in
 * progress), as named checks. Asked on every readiness call, so it answers from memory.
 */
public interface ComponentHealth {

    List<Readiness.Check> checks();
}
