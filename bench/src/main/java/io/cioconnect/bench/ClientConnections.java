package io.cioconnect.bench;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The keep-alive connections of one simulated client, one per port, reopened when the server closed one. */
final class ClientConnections implements AutoCloseable {

    private final String host;
    private final Map<Integer, HttpConnection> byPort = new HashMap<>();

    ClientConnections(String host) {
        this.host = host;
    }

    HttpConnection to(int port) throws IOException {
        HttpConnection connection = byPort.get(port);
        if (connection == null || !connection.isOpen()) {
            connection = new HttpConnection(host, port);
            byPort.put(port, connection);
        }
        return connection;
    }

    /** Drops every connection, after an error left one in an unknown state. */
    void reset() {
        byPort.values().forEach(HttpConnection::close);
        byPort.clear();
    }

    @Override
    public void close() {
        reset();
    }
}
