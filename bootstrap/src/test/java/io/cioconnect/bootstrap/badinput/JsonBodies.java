package io.cioconnect.bootstrap.badinput;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Request bodies for the JSON endpoints: the right shape with wrong values, wrong types, unknown fields,
 * deep nesting, huge numbers and strings, duplicated keys, and bytes that are not JSON or not UTF-8.
 */
final class JsonBodies {

    private static final List<String> JSON_VALUES = List.of("null", "true", "false", "0", "-0", "1.5", "-1",
            "1e999999999", "123456789012345678901234567890123456789", "9223372036854775808", "[]", "{}", "[null]",
            "{\"a\":{}}", "\"\"", "\"true\"", "[\"full_access\"]", "[\"full_access\",\"full_access\"]",
            "[\"a b\"]", "[1,2]", "[[\"x\"]]");

    private JsonBodies() {
    }

    /** A body for {@code POST /api/v1/connect-sessions}. */
    static byte[] connectSession(Random random, List<String> providers) {
        if (random.nextInt(4) == 0) {
            return anything(random);
        }
        List<String> fields = new ArrayList<>();
        field(random, fields, "owner", () -> string(random.nextBoolean() ? "owner-" + random.nextInt(5) : Adversarial.text(random)));
        field(random, fields, "provider", () -> string(random.nextBoolean() ? Adversarial.pick(random, providers) : Adversarial.text(random)));
        field(random, fields, "return_to", () -> string(random.nextBoolean()
                ? "https://app.example.com/settings" : Adversarial.text(random)));
        if (random.nextBoolean()) {
            fields.add("\"scopes\":" + value(random));
        }
        if (random.nextBoolean()) {
            fields.add("\"client_state\":" + switch (random.nextInt(4)) {
                case 0 -> string(Adversarial.clientState(random));
                case 1 -> string(Adversarial.clientState(random) + "s".repeat(256));
                case 2 -> string(Adversarial.text(random));
                default -> value(random);
            });
        }
        if (random.nextInt(5) == 0) {
            fields.add(string(Adversarial.text(random)) + ":" + value(random));
        }
        return utf8("{" + String.join(",", fields) + "}");
    }

    /** A body for {@code POST /api/v1/connections/{id}/access-token}, which may be empty. */
    static byte[] accessToken(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> new byte[0];
            case 1 -> utf8("{\"force_refresh\":" + (random.nextBoolean() ? "false" : value(random)) + "}");
            case 2 -> utf8("{\"force_refresh\":false," + string(Adversarial.text(random)) + ":1}");
            default -> anything(random);
        };
    }

    /** Anything at all: valid JSON of the wrong shape, broken JSON, or bytes that are no text. */
    static byte[] anything(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> utf8(value(random));
            case 1 -> utf8("[".repeat(1 + random.nextInt(5000)));
            case 2 -> utf8("{\"a\":".repeat(1 + random.nextInt(3000)) + "1" + "}".repeat(random.nextInt(3000)));
            case 3 -> truncated(random, "{\"owner\":\"alice\",\"provider\":\"acme\",\"return_to\":\"https://app.example.com/\"}");
            case 4 -> invalidUtf8(random);
            case 5 -> utf8("{\"owner\":\"a\",\"owner\":\"b\",\"provider\":\"acme\",\"return_to\":\"https://app.example.com/\"}");
            case 6 -> utf8("\uFEFF{\"force_refresh\":true}");
            case 7 -> utf8("{\"owner\":\"" + "x".repeat(random.nextBoolean() ? 60_000 : 70_000) + "\"}");
            default -> utf8(Adversarial.text(random));
        };
    }

    private static String value(Random random) {
        return random.nextInt(3) == 0 ? string(Adversarial.text(random)) : Adversarial.pick(random, JSON_VALUES);
    }

    private static void field(Random random, List<String> fields, String name, java.util.function.Supplier<String> wellTyped) {
        int kind = random.nextInt(8);
        if (kind == 0) {
            return; // missing
        }
        fields.add("\"" + name + "\":" + (kind == 1 ? value(random) : wellTyped.get()));
    }

    /** A JSON string literal of {@code text}, escaped as JSON requires (so the text itself arrives intact). */
    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static byte[] truncated(Random random, String json) {
        byte[] bytes = utf8(json);
        byte[] cut = new byte[random.nextInt(bytes.length)];
        System.arraycopy(bytes, 0, cut, 0, cut.length);
        return cut;
    }

    private static byte[] invalidUtf8(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("{\"owner\":\""));
        byte[][] broken = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {0}};
        out.writeBytes(broken[random.nextInt(broken.length)]);
        out.writeBytes(utf8("\",\"provider\":\"acme\",\"return_to\":\"https://app.example.com/\"}"));
        return out.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
