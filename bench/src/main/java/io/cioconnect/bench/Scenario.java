package io.cioconnect.bench;

import java.io.IOException;

/** One unit of work a simulated client repeats: a request, or a whole connect flow. */
interface Scenario {

    /** Runs once on this client's connections; false when the answer was not the expected one. */
    boolean run(ClientConnections connections, int iteration) throws IOException;
}
