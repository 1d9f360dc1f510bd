package io.cioconnect.bootstrap.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The routes the service registers, read from its OpenAPI description, which the HTTP adapter's OpenApiTest
 * keeps identical to the registered routes.
 */
final class ServiceRoutes {

    private static final String OPENAPI = "/io/cioconnect/adapter/http/openapi.json";
    private static final List<String> ROUTES = load();

    private ServiceRoutes() {
    }

    /** True when {@code method path} (a concrete path) is a route: {@code {id}} in a template matches one segment. */
    static boolean serves(String method, String path) {
        String route = method.toUpperCase(Locale.ROOT) + " " + path;
        return ROUTES.stream().anyMatch(template -> route.matches(Arrays.stream(template.split("\\{[^/}]+}", -1))
                .map(Pattern::quote).collect(Collectors.joining("[^/]+"))));
    }

    /** True when some route's path starts with {@code prefix}. */
    static boolean hasRouteUnder(String prefix) {
        return ROUTES.stream().map(route -> route.split(" ", 2)[1]).anyMatch(path -> path.startsWith(prefix));
    }

    private static List<String> load() {
        try (InputStream in = ServiceRoutes.class.getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI + " is not on the test classpath (adapters-http's resources)");
            }
            List<String> routes = new ArrayList<>();
            new ObjectMapper().readTree(in).get("paths").fields().forEachRemaining(path ->
                    path.getValue().fieldNames().forEachRemaining(method ->
                            routes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
            return List.copyOf(routes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
