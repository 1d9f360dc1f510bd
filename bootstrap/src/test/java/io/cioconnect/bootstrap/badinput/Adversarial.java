package io.cioconnect.bootstrap.badinput;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Values an attacker or a broken client would send: edge cases first (empty, huge, control characters,
 * unicode the JDK finds awkward, broken percent-encodings, markup and injection payloads), mixed with
 * random strings. Everything is derived from the {@link Random} given, so a seed reproduces it.
 */
final class Adversarial {

    /** Seen in a response only if a reflected value was not escaped. */
    static final String SCRIPT = "<script>alert(1)</script>";

    private static final List<String> EDGE_CASES = List.of(
            "", " ", "a", "null", "undefined", "0", "-1", "1e309", "NaN", "true", "[]", "{}",
            "\u0000", "a\u0000b", "\r\n", "line\r\nSet-Cookie: x=y", "\t", "\u007f", "\u0085", "\u2028",
            "\uFEFF", "\u202Eevil", "é", "e\u0301", "日本語", "😀", "\uD800", "\uDFFF", "\uFFFF", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            SCRIPT, "\"><img src=x onerror=alert(1)>", "' OR '1'='1", "'; DROP TABLE connections; --",
            "../../etc/passwd", "..%2f..%2f", "%00", "%", "%ZZ", "%C3%28", "%ED%A0%80", "%C0%AF", "%%32%65",
            "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "javascript:alert(1)", "//evil.example", "https://app@evil.example",
            "https://app.example.com/settings#x", "https://app.example.com:443/settings", "HTTPS://APP.EXAMPLE.COM/",
            "00000000-0000-0000-0000-000000000000", "1-1-1-1-1", "customerio", "acme", "sandbox");

    private Adversarial() {
    }

    /** An edge case, a random string of some alphabet, or a huge one. */
    static String text(Random random) {
        int kind = random.nextInt(10);
        if (kind < 5) {
            return pick(random, EDGE_CASES);
        }
        if (kind < 9) {
            return randomString(random, 1 + random.nextInt(kind == 8 ? 300 : 40));
        }
        return huge(random);
    }

    /**
     * A {@code client_state} a host may send: 1 to 256 printable ASCII characters, among them everything a
     * URL, a query or a page treats specially.
     */
    static String clientState(Random random) {
        StringBuilder state = new StringBuilder(random.nextBoolean() ? SCRIPT + "&status=connected#" : "");
        int length = 1 + random.nextInt(random.nextBoolean() ? 20 : 256 - state.length());
        while (state.length() < length) {
            state.append((char) (0x20 + random.nextInt(0x7F - 0x20)));
        }
        return state.toString();
    }

    /** Long enough to cross every length limit the service has (2 KiB parameters, 200-character owners). */
    static String huge(Random random) {
        int length = pick(random, List.of(201, 2049, 4097, 9000));
        return String.valueOf((char) ('a' + random.nextInt(26))).repeat(length);
    }

    /** A connection id, or something standing in for one. */
    static String id(Random random, List<String> known) {
        return switch (random.nextInt(6)) {
            case 0, 1 -> pick(random, known);
            case 2 -> pick(random, known).toUpperCase();
            case 3 -> UUID.randomUUID().toString();
            case 4 -> pick(random, known) + pick(random, List.of("/", "%2F", ".", "%00", "x", " ", "/..", ";a=b"));
            default -> encodeForQuery(text(random));
        };
    }

    /**
     * Shaped like a listing's {@code next_cursor} (base64url of {@code c1.<seconds>.<nanos>.<id>}) but with odd
     * numbers, ids, versions and tails, or {@code real} with one character changed.
     */
    static String cursor(Random random, String real) {
        if (random.nextInt(3) == 0) {
            int at = random.nextInt(real.length());
            return real.substring(0, at) + pick(random, List.of("A", "_", "-", "z", "9")) + real.substring(at + 1);
        }
        String content = pick(random, List.of("c1", "c2", "", "C1")) + "."
                + pick(random, List.of("0", "-1", "1767225600", "99999999999999999999", "-9223372036854775808", "01", text(random)))
                + "." + pick(random, List.of("0", "999999999", "1000000000", "-1", "x"))
                + "." + pick(random, List.of(UUID.randomUUID().toString(), "00000000-0000-0000-0000-000000000000", "1-1-1-1-1",
                        text(random)));
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(content.getBytes(StandardCharsets.UTF_8));
        return switch (random.nextInt(5)) {
            case 0 -> encoded + "=";
            case 1 -> encoded.substring(0, encoded.length() / 2);
            case 2 -> Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8));
            default -> encoded;
        };
    }

    /** A random string over ASCII, control characters, Latin-1, the BMP or astral planes. */
    static String randomString(Random random, int length) {
        StringBuilder out = new StringBuilder();
        int alphabet = random.nextInt(5);
        while (out.length() < length) {
            switch (alphabet) {
                case 0 -> out.append((char) (0x21 + random.nextInt(0x5e)));
                case 1 -> out.append((char) random.nextInt(0x20));
                case 2 -> out.append((char) (0xa0 + random.nextInt(0x60)));
                case 3 -> out.append((char) (0x100 + random.nextInt(0xd700)));
                default -> out.appendCodePoint(0x10000 + random.nextInt(0x1000));
            }
        }
        return out.toString();
    }

    /** Encoded as a well-behaved client would, so the value reaches the handler. */
    static String encodeForQuery(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Mostly encoded; now and then sent as it is, broken escapes and raw bytes included. */
    static String asQueryValue(Random random, String value) {
        return random.nextInt(6) == 0 ? value.replace(" ", "+").replace("\r", "").replace("\n", "") : encodeForQuery(value);
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
