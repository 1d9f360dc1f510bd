package io.cioconnect.bootstrap.badinput;

import io.cioconnect.bootstrap.badinput.RawHttp.Header;
import io.cioconnect.bootstrap.badinput.RawHttp.Request;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Random requests for every endpoint of the service: the host API, the browser flow and the operational
 * endpoints, with odd paths, query parameters, headers and bodies. See {@link Adversarial} for the values.
 */
final class BadRequests {

    private static final List<String> METHODS = List.of("GET", "POST", "DELETE", "PUT", "PATCH", "HEAD", "OPTIONS", "TRACE");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "APPLICATION/JSON", "application/json; charset=utf-16", "application/json;;", "text/plain",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/problem+json",
            "*/*", "", "application/json\u0000", "application/jsonx", "application/vnd.api+json");
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final List<String> FORM_FIELDS = List.of("csrf_token", "api_key", "region", "action");
    private static final List<String> FLOW_PARAMETERS = List.of("ticket", "code", "state", "iss", "error",
            "error_description", "error_uri", "scope");

    private static final Header JSON_CONTENT = new Header("Content-Type", "application/json");

    private static final List<String> LISTING_PARAMETERS = List.of("owner", "provider", "status", "limit", "cursor");

    private final String apiKey;
    private final List<String> ids;
    private final List<String> providers;
    private final String cursor;

    /** {@code cursor}: a real {@code next_cursor} of the seeded connections, for tampering with. */
    BadRequests(String apiKey, List<String> ids, List<String> providers, String cursor) {
        this.apiKey = apiKey;
        this.ids = List.copyOf(ids);
        this.providers = List.copyOf(providers);
        this.cursor = cursor;
    }

    /** Any host API endpoint with a valid key: odd ids in paths, odd and repeated query parameters, any method. */
    Request hostApi(Random random) {
        String id = Adversarial.id(random, ids);
        String[] route = switch (random.nextInt(6)) {
            case 0 -> new String[] {"GET", "/api/v1/connections" + (random.nextBoolean() ? query(random, LISTING_PARAMETERS)
                    : listingQuery(random))};
            case 5 -> new String[] {"GET", "/api/v1/providers" + query(random, LISTING_PARAMETERS)};
            case 1 -> new String[] {random.nextBoolean() ? "GET" : "DELETE", "/api/v1/connections/" + id};
            case 2 -> new String[] {"POST", "/api/v1/connections/" + id + "/access-token" + query(random, List.of("force_refresh"))};
            case 3 -> new String[] {"POST", "/api/v1/connect-sessions" + query(random, List.of("owner"))};
            default -> new String[] {"GET", "/api/" + Adversarial.pick(random, List.of("v1", "v2", "V1", "v1/",
                    "v1/connections/" + id + "/x", "v1/connections/" + id + "/access-token/", "%2e%2e/health/live",
                    "v1/connections/%2e%2e"))};
        };
        // Mostly the route's own method, so the handlers run; now and then any other.
        String method = random.nextInt(4) == 0 ? Adversarial.pick(random, METHODS) : route[0];
        String target = route[1];
        if (method.equals("DELETE") && ids.stream().anyMatch(known -> target.toLowerCase().contains(known))) {
            method = "GET"; // the seeded connections stay: deleting them is allowed, and would end the test
        }
        byte[] body = !method.equals("POST") ? null
                : target.startsWith("/api/v1/connect-sessions") ? JsonBodies.connectSession(random, providers)
                : JsonBodies.accessToken(random);
        return new Request(method, target, withAuthorization(List.of(JSON_CONTENT), "Bearer " + apiKey), body);
    }

    /** A host API call whose headers are the odd part: Authorization, Content-Type, X-Forwarded-For, Cookie. */
    Request hostApiHeaders(Random random) {
        List<Header> headers = new ArrayList<>(authorization(random));
        headers.add(new Header("Content-Type", Adversarial.pick(random, CONTENT_TYPES)));
        headers.add(new Header("X-Forwarded-For", forwardedFor(random)));
        headers.add(new Header("Cookie", cookie(random)));
        if (random.nextBoolean()) {
            headers.add(new Header(Adversarial.pick(random, List.of("Accept", "Origin", "Accept-Charset", "Range",
                    "If-None-Match", "Expect", "X-Http-Method-Override", "Transfer-Encoding")), Adversarial.text(random)
                    .replaceAll("[\r\n]", "")));
        }
        boolean session = random.nextBoolean();
        String target = session ? "/api/v1/connect-sessions" : "/api/v1/connections/" + Adversarial.pick(random, ids) + "/access-token";
        byte[] body = session ? JsonBodies.connectSession(random, providers) : JsonBodies.accessToken(random);
        return new Request("POST", target, headers, body);
    }

    /** A JSON endpoint with a valid key and a random body. */
    Request jsonBody(Random random) {
        boolean session = random.nextBoolean();
        String target = session ? "/api/v1/connect-sessions" : "/api/v1/connections/" + Adversarial.pick(random, ids) + "/access-token";
        byte[] body = session ? JsonBodies.connectSession(random, providers) : JsonBodies.accessToken(random);
        List<Header> headers = random.nextInt(4) == 0 ? List.of(new Header("Content-Type", Adversarial.pick(random, CONTENT_TYPES)))
                : List.of(JSON_CONTENT);
        return new Request("POST", target, withAuthorization(headers, "Bearer " + apiKey), body);
    }

    /** {@code start}, {@code callback} and the key form's {@code submit} with random parameters, cookies and forwarding headers. */
    Request browserFlow(Random random) {
        String provider = random.nextInt(4) == 0 ? Adversarial.encodeForQuery(Adversarial.text(random)) : Adversarial.pick(random, providers);
        String step = Adversarial.pick(random, List.of("start", "callback", "submit", "form.css"));
        List<Header> headers = new ArrayList<>();
        if (random.nextBoolean()) {
            headers.add(new Header("Cookie", cookie(random)));
        }
        if (random.nextBoolean()) {
            headers.add(new Header("X-Forwarded-For", forwardedFor(random)));
        }
        byte[] body = null;
        boolean post = step.equals("submit") ? random.nextInt(8) > 0 : random.nextInt(8) == 0;
        if (post) {
            headers.add(new Header("Content-Type", random.nextInt(4) > 0 ? FORM : Adversarial.pick(random, CONTENT_TYPES)));
            body = JsonBodies.utf8(query(random, FORM_FIELDS).replaceFirst("^\\?", ""));
        }
        return new Request(post ? "POST" : "GET", "/oauth/" + provider + "/" + step + query(random, FLOW_PARAMETERS), headers, body);
    }

    /** Operational endpoints and paths nobody serves, with odd queries and methods. */
    Request operations(Random random) {
        String path = Adversarial.pick(random, List.of("/health/live", "/health/ready", "/metrics", "/openapi.json", "/",
                "/health", "/health/ready/", "/oauth", "/oauth/acme", "/sandbox/authorize", "/favicon.ico", "/%2e%2e/etc/passwd",
                "/api", "/" + Adversarial.encodeForQuery(Adversarial.text(random))));
        List<Header> headers = random.nextBoolean() ? authorization(random) : List.of();
        return new Request(Adversarial.pick(random, METHODS), path + query(random, List.of("x", "format", "debug")), headers,
                random.nextInt(5) == 0 ? JsonBodies.anything(random) : null);
    }

    /** Listing parameters with values close to valid ones: real owners and providers, edge limits, forged cursors. */
    private String listingQuery(Random random) {
        List<String> pairs = new ArrayList<>();
        for (String name : LISTING_PARAMETERS) {
            if (random.nextInt(3) == 0) {
                pairs.add(name + "=" + Adversarial.encodeForQuery(switch (name) {
                    case "owner" -> Adversarial.pick(random, List.of("owner-0", "owner-key", "nobody", Adversarial.text(random)));
                    case "provider" -> random.nextBoolean() ? Adversarial.pick(random, providers) : Adversarial.text(random);
                    case "status" -> Adversarial.pick(random, List.of("active", "reauthorization_required", "ACTIVE", "revoked",
                            Adversarial.text(random)));
                    case "limit" -> Adversarial.pick(random, List.of("1", "2", "200", "0", "201", "-1", "1e2", "07", "+5",
                            Adversarial.text(random)));
                    default -> Adversarial.cursor(random, cursor);
                }));
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private String query(Random random, List<String> names) {
        int count = random.nextInt(4);
        if (count == 0) {
            return random.nextInt(10) == 0 ? "?" : "";
        }
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = random.nextInt(8) == 0 ? Adversarial.encodeForQuery(Adversarial.text(random)) : Adversarial.pick(random, names);
            pairs.add(name + (random.nextInt(10) == 0 ? "" : "=" + Adversarial.asQueryValue(random, Adversarial.text(random))));
            if (random.nextInt(5) == 0) {
                pairs.add(pairs.get(pairs.size() - 1)); // the same parameter twice
            }
        }
        return "?" + String.join("&", pairs);
    }

    private List<Header> authorization(Random random) {
        String key = apiKey;
        List<String> values = List.of("Bearer " + key, "bearer " + key, "BEARER  " + key + "  ", "Bearer " + key + "x",
                "Bearer " + key.substring(1), "Bearer", "Bearer ", "Basic " + Base64.getEncoder().encodeToString(("e2e:" + key).getBytes()),
                "Token " + key, key, "Bearer " + Adversarial.text(random).replaceAll("[\r\n]", ""), "Bearer " + Adversarial.huge(random));
        List<Header> headers = new ArrayList<>();
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            headers.add(new Header("Authorization", Adversarial.pick(random, values)));
        }
        return headers;
    }

    private static String forwardedFor(Random random) {
        return Adversarial.pick(random, List.of("1.2.3.4", "1.2.3.4, 127.0.0.1", "::1", "[::1]", "999.999.999.999",
                "unknown", "cafe.be", ",,,", "127.0.0.1, , 10.0.0.1", "1.2.3.4:8080", "fe80::1%eth0",
                ("9.9.9.9, ").repeat(300), Adversarial.text(random).replaceAll("[\r\n]", "")));
    }

    private static String cookie(Random random) {
        String value = Adversarial.text(random).replaceAll("[\r\n;]", "");
        return Adversarial.pick(random, List.of("cioconnect_binding=" + value, "__Host-cioconnect_binding=" + value,
                "cioconnect_binding=a; cioconnect_binding=b", "cioconnect_binding=", "=;=;=", "cioconnect_binding=\"" + value + "\"",
                "a=1; ".repeat(200), value));
    }

    private static Header json(Random random) {
        return new Header("Content-Type", "application/json");
    }

    private static List<Header> withAuthorization(List<Header> others, String authorization) {
        List<Header> headers = new ArrayList<>(others);
        headers.add(new Header("Authorization", authorization));
        return headers;
    }
}
