package io.cioconnect.adapter.persistence;

import io.cioconnect.domain.ClientState;

/** The {@code client_state} columns: the host's value as given, or NULL when it sent none. */
final class ClientStates {

    private ClientStates() {
    }

    static String column(ClientState clientState) {
        return clientState == null ? null : clientState.value();
    }

    static ClientState of(String column) {
        return column == null ? null : new ClientState(column);
    }
}
