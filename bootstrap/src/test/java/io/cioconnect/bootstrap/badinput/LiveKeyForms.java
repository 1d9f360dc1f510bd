package io.cioconnect.bootstrap.badinput;

import io.cioconnect.bootstrap.badinput.RawHttp.Header;
import io.cioconnect.bootstrap.badinput.RawHttp.Request;
import io.cioconnect.bootstrap.badinput.RawHttp.Response;
import io.cioconnect.bootstrap.e2e.HostApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Submissions of App API key forms that really started (docs/providers.md): each try opens a fresh connect link, then
 * posts the form with the real CSRF token and cookie or broken ones, and a key, region and action that are
 * right, wrong or garbage. A recognisable key must never be echoed back, accepted or not.
 */
final class LiveKeyForms {

    static final String PROVIDER = "customerio-app-api";

    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");

    private final HostApi api;
    private final int port;

    LiveKeyForms(HostApi api, int port) {
        this.api = api;
        this.port = port;
    }

    Request next(Random random) {
        Response start = start("keys-" + random.nextInt(1000), random);
        Matcher csrf = CSRF.matcher(start.text());
        if (!csrf.find()) {
            throw new IllegalStateException("the key form has no CSRF token");
        }
        String cookie = start.header("Set-Cookie").orElseThrow().split(";", 2)[0];
        // Prefixes the fake App API answers 200 (ok-) or 401 (bad-) to; busy- and down- would be a 503 by design.
        String recognisable = Adversarial.pick(random, List.of("ok-", "bad-", "banned-")) + UUID.randomUUID();
        String key = random.nextInt(3) > 0 ? recognisable : Adversarial.text(random);

        List<String> fields = new ArrayList<>();
        field(random, fields, "csrf_token", csrf.group(1));
        field(random, fields, "api_key", key);
        field(random, fields, "region", Adversarial.pick(random, List.of("us", "eu")));
        field(random, fields, "action", Adversarial.pick(random, List.of("connect", "connect", "cancel")));
        List<Header> headers = new ArrayList<>();
        headers.add(new Header("Content-Type", random.nextInt(6) > 0 ? "application/x-www-form-urlencoded"
                : Adversarial.pick(random, List.of("application/json", "text/plain", "multipart/form-data; boundary=x"))));
        switch (random.nextInt(5)) {
            case 0 -> { } // no cookie
            case 1 -> headers.add(new Header("Cookie", cookie + "x"));
            default -> headers.add(new Header("Cookie", cookie));
        }
        return new Request("POST", "/oauth/" + PROVIDER + "/submit", headers,
                JsonBodies.utf8(String.join("&", fields)), key.equals(recognisable) ? List.of(key) : List.of());
    }

    /** The right value mostly; now and then missing, doubled, or something else. */
    private static void field(Random random, List<String> fields, String name, String right) {
        switch (random.nextInt(8)) {
            case 0 -> { } // missing
            case 1 -> fields.add(name + "=" + Adversarial.asQueryValue(random, Adversarial.text(random)));
            case 2 -> {
                fields.add(name + "=" + Adversarial.encodeForQuery(right));
                fields.add(name + "=" + Adversarial.encodeForQuery(right));
            }
            default -> fields.add(name + "=" + Adversarial.encodeForQuery(right));
        }
    }

    private Response start(String owner, Random random) {
        return ConnectLinks.open(api, port, owner, PROVIDER, random.nextBoolean() ? Adversarial.clientState(random) : null,
                200);
    }
}
