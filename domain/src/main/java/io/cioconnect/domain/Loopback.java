package io.cioconnect.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a host is this machine: {@code localhost}, an address of {@code 127.0.0.0/8}, or {@code ::1}.
 * Judged on the parsed host alone, never by a string prefix ({@code 127.evil.example} is a remote name)
 * and never by a DNS lookup, because the answer decides whether a secret may travel without TLS.
 */
public final class Loopback {

    /** A dotted quad of decimal octets: the only IPv4 form taken as a literal (no octal, no short forms). */
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private Loopback() {
    }

    /** True when {@code uri} has a host and that host is loopback. */
    public static boolean isLoopback(URI uri) {
        return uri.getHost() != null && isLoopbackHost(uri.getHost());
    }

    /** True for {@code localhost}, {@code 127.x.y.z} and {@code ::1} (bracketed or not, in any spelling). */
    public static boolean isLoopbackHost(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        boolean literal = IPV4.matcher(h).matches() || (h.indexOf(':') >= 0 && IPV6.matcher(h).matches());
        if (!literal) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
