package io.cioconnect.bootstrap.config;

import io.cioconnect.adapter.persistence.DatabaseSettings;
import io.cioconnect.domain.Loopback;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * {@code dev} generates its secrets and runs a sandbox provider: it belongs on one machine. It refuses a
 * {@code PUBLIC_BASE_URL} or a database elsewhere unless {@code DEV_ALLOW_REMOTE=true}, and warns when
 * {@code BIND_ADDRESS} lets other machines in.
 */
final class DevLimits {

    private DevLimits() {
    }

    static void check(EnvironmentReader env, URI publicBaseUrl, Optional<DatabaseSettings> database, String bindAddress,
            List<String> warnings) {
        if (env.mode() != Mode.DEV) {
            return;
        }
        boolean allowRemote = env.bool(Variable.DEV_ALLOW_REMOTE);
        if (!allowRemote && !Loopback.isLoopback(publicBaseUrl)) {
            env.problem("PUBLIC_BASE_URL must be on a loopback host (localhost, 127.0.0.0/8 or ::1) in dev;"
                    + " set DEV_ALLOW_REMOTE=true to use another");
        }
        if (!allowRemote && database.isPresent() && !DatabaseUrl.isOnThisMachine(database.get().jdbcUrl())) {
            env.problem("DATABASE_URL must name a database on a loopback host in dev (or be unset for the embedded one);"
                    + " set DEV_ALLOW_REMOTE=true to use another");
        }
        if (!Loopback.isLoopbackHost(bindAddress)) {
            warnings.add("BIND_ADDRESS " + bindAddress + " is not a loopback address: other machines can reach the dev"
                    + " console and the sandbox provider");
        }
    }
}
