package io.cioconnect.bootstrap.badinput;

import io.cioconnect.bootstrap.badinput.RawHttp.Request;
import io.cioconnect.bootstrap.badinput.RawHttp.Response;
import io.cioconnect.bootstrap.e2e.HostApi;
import io.cioconnect.bootstrap.e2e.RunningService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

/** Opens a fresh connect link over the raw socket, so a suite can attack a flow that really started. */
final class ConnectLinks {

    private ConnectLinks() {
    }

    /** Creates a connect session for {@code owner} and opens its link; fails unless it answers {@code expected}. */
    static Response open(HostApi api, int port, String owner, String provider, int expected) {
        return open(api, port, owner, provider, null, expected);
    }

    /** As above, the session carrying {@code clientState} unless it is null. */
    static Response open(HostApi api, int port, String owner, String provider, String clientState, int expected) {
        try {
            URI connectUrl = api.createConnectUrl(owner, provider, RunningService.RETURN_TO, clientState);
            Response start = RawHttp.send(port, new Request("GET", connectUrl.getRawPath() + "?" + connectUrl.getRawQuery(),
                    List.of(), null));
            if (start.status() != expected) {
                throw new IllegalStateException("the " + provider + " connect link answered " + start.status());
            }
            return start;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
