package io.cioconnect.bootstrap.e2e;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A MockWebServer standing in for one region's App API host: it answers the key check by the key's
 * prefix ({@code ok-} 200, {@code bad-} 401, {@code banned-} 403, {@code busy-} 429, {@code down-} 503,
 * {@code slow-} no answer at all) and remembers every key it was shown.
 */
public final class FakeAppApi implements AutoCloseable {

    final MockWebServer server = new MockWebServer();
    final List<String> keysSeen = new CopyOnWriteArrayList<>();

    public FakeAppApi() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String authorization = request.getHeaders().get("Authorization");
                String key = authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
                keysSeen.add(request.getTarget() + " " + key);
                return answerFor(key);
            }
        });
        server.start();
    }

    private static MockResponse answerFor(String key) {
        if (key.startsWith("slow-")) {
            return new MockResponse.Builder().code(200).onResponseStart(SocketEffect.Stall.INSTANCE).build();
        }
        int status = key.startsWith("ok-") ? 200 : key.startsWith("banned-") ? 403 : key.startsWith("busy-") ? 429
                : key.startsWith("down-") ? 503 : 401;
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
                .body(status == 200 ? "{\"workspaces\":[]}" : "{\"meta\":{\"error\":\"no\"}}").build();
    }

    public String url() {
        return server.url("/").toString();
    }

    @Override
    public void close() {
        server.close();
    }
}
