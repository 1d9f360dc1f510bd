package io.cioconnect.bootstrap.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and answering JDK {@link HttpExchange}s the way RFC 6749 bodies and queries are written. */
final class Exchanges {

    static final ObjectMapper JSON = new ObjectMapper();

    private Exchanges() {
    }

    /** {@code application/x-www-form-urlencoded} pairs, every value of a name kept (a repeated one must show). */
    static Map<String, List<String>> form(String raw) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            String[] parts = pair.split("=", 2);
            values.computeIfAbsent(decode(parts[0]), key -> new ArrayList<>()).add(parts.length == 2 ? decode(parts[1]) : "");
        }
        return values;
    }

    static String single(Map<String, List<String>> values, String name) {
        List<String> given = values.getOrDefault(name, List.of());
        return given.size() == 1 ? given.get(0) : null;
    }

    static byte[] body(HttpExchange exchange) {
        try {
            return exchange.getRequestBody().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void json(HttpExchange exchange, int status, Object body) {
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            send(exchange, status, JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void redirect(HttpExchange exchange, String location) {
        exchange.getResponseHeaders().set("Location", location);
        send(exchange, 302, new byte[0]);
    }

    static void send(HttpExchange exchange, int status, byte[] body) {
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
