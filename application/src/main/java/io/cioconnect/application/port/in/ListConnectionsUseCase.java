package io.cioconnect.application.port.in;

import io.cioconnect.domain.Owner;
import java.util.List;

/** Use case: list an owner's connections, oldest first. */
public interface ListConnectionsUseCase {

    List<ConnectionSummary> list(Owner owner);
}
