package io.cioconnect.bootstrap;

import io.cioconnect.application.port.in.Readiness;
import io.cioconnect.application.port.out.ComponentHealth;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The readiness check {@value #NAME}: UP while the service serves, DOWN from the moment a graceful stop
 * begins ({@link #close}), while the server still answers, so a load balancer polling readiness stops
 * sending requests before the server stops taking them.
 */
final class Serving implements ComponentHealth, AutoCloseable {

    static final String NAME = "serving";
    private static final Logger LOG = LoggerFactory.getLogger(Serving.class);

    private volatile boolean stopping;

    @Override
    public List<Readiness.Check> checks() {
        return List.of(new Readiness.Check(NAME, !stopping));
    }

    /** Begins the stop: readiness is DOWN from now on. */
    @Override
    public void close() {
        stopping = true;
        LOG.info("Stopping: readiness is DOWN from now on");
    }
}
