package io.cioconnect.bootstrap.badinput;

import io.cioconnect.bootstrap.badinput.RawHttp.Header;
import io.cioconnect.bootstrap.badinput.RawHttp.Request;
import io.cioconnect.bootstrap.badinput.RawHttp.Response;
import io.cioconnect.bootstrap.e2e.ConnectFlows;
import io.cioconnect.bootstrap.e2e.HostApi;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Callbacks of flows that really started: each try opens a fresh connect link, then comes back with the
 * real state and cookie or a broken one, and a random code, error, description and issuer, so the bad
 * input reaches the code exchange and the error paths behind the state check. Half the links carry a
 * {@code client_state} full of characters a URL treats specially, which the redirect must carry back.
 */
final class LiveCallbacks {

    private final HostApi api;
    private final int port;
    private final String provider;

    LiveCallbacks(HostApi api, int port, String provider) {
        this.api = api;
        this.port = port;
        this.provider = provider;
    }

    Request next(Random random) {
        Response start = start("fuzz-" + random.nextInt(1000), random);
        URI authorize = URI.create(start.header("Location").orElseThrow());
        String state = ConnectFlows.parameter(authorize, "state");
        String cookie = start.header("Set-Cookie").orElseThrow().split(";", 2)[0];

        List<String> query = new ArrayList<>();
        switch (random.nextInt(6)) {
            case 0 -> { } // no state at all
            case 1 -> query.add("state=" + Adversarial.asQueryValue(random, Adversarial.text(random)));
            case 2 -> query.add("state=" + Adversarial.encodeForQuery(state) + "&state=" + Adversarial.encodeForQuery(state));
            default -> query.add("state=" + Adversarial.encodeForQuery(state));
        }
        if (random.nextInt(3) > 0) {
            query.add("code=" + Adversarial.asQueryValue(random, random.nextBoolean() ? "code-" + random.nextLong() : Adversarial.text(random)));
        }
        for (String name : List.of("error", "error_description", "iss", "error_uri")) {
            if (random.nextInt(3) == 0) {
                query.add(name + "=" + Adversarial.asQueryValue(random, random.nextBoolean() ? Adversarial.SCRIPT : Adversarial.text(random)));
            }
        }
        List<Header> headers = switch (random.nextInt(5)) {
            case 0 -> List.of();
            case 1 -> List.of(new Header("Cookie", cookie + "x"));
            case 2 -> List.of(new Header("Cookie", cookie + "; " + cookie.replaceAll("=.*", "=other")));
            default -> List.of(new Header("Cookie", cookie));
        };
        return new Request("GET", "/oauth/" + provider + "/callback?" + String.join("&", query), headers, null);
    }

    private Response start(String owner, Random random) {
        return ConnectLinks.open(api, port, owner, provider,
                random.nextBoolean() ? Adversarial.clientState(random) : null, 302);
    }
}
