package io.cioconnect.adapter.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The address of the client behind a request. {@code X-Forwarded-For} is believed only when the direct
 * peer is a trusted proxy, and then read from the right, skipping trusted proxies, so a client cannot
 * pick its own address by sending the header itself.
 */
final class ClientIp {

    /**
     * IP literals only (dotted IPv4, or IPv6 which always has a colon): anything else, even {@code cafe.be},
     * would make {@link InetAddress#getByName} look up a host name.
     */
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]{1,44}");

    private final Set<InetAddress> trustedProxies;

    ClientIp(Set<InetAddress> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    String of(Context ctx) {
        var forwardedFor = ctx.req().getHeaders("X-Forwarded-For");
        return resolve(ctx.req().getRemoteAddr(), forwardedFor == null ? List.of() : Collections.list(forwardedFor));
    }

    String resolve(String peer, List<String> forwardedForHeaders) {
        if (!isTrusted(peer)) {
            return peer;
        }
        String client = peer;
        List<String> hops = forwardedForHeaders.stream()
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(String::trim)
                .toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = parse(hops.get(i));
            if (hop.isEmpty()) {
                break; // a garbled entry ends what we can believe
            }
            client = hop.get().getHostAddress();
            if (!trustedProxies.contains(hop.get())) {
                break;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        return !trustedProxies.isEmpty() && parse(address).map(trustedProxies::contains).orElse(false);
    }

    private static Optional<InetAddress> parse(String address) {
        String literal = address != null && address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        if (literal == null || !IP_LITERAL.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
