package io.cioconnect.adapter.customerio;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The one JSON mapper of this adapter: strict about duplicate members, exact about numbers. */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // Two "access_token" members would let whoever parses last decide which token is real.
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // 1e400 as a double is Infinity; as a BigDecimal it compares and clamps correctly.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {
    }

    /** The body as a JSON object, or empty for anything else: HTML, text, an array, truncated or broken JSON. */
    static Optional<ObjectNode> object(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A flat object of string members, in the given order. */
    static byte[] write(Map<String, String> members) {
        ObjectNode object = MAPPER.createObjectNode();
        members.forEach(object::put);
        return write(object);
    }

    static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty object to fill. */
    static ObjectNode newObject() {
        return MAPPER.createObjectNode();
    }

    /** The member when it is an array of strings only; empty when absent, null, or anything else. */
    static Optional<List<String>> strings(ObjectNode object, String member) {
        JsonNode node = object.get(member);
        if (node == null || !node.isArray()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                return Optional.empty();
            }
            values.add(item.textValue());
        }
        return Optional.of(List.copyOf(values));
    }

    /** The member's text when it is a JSON string; empty when absent, null or of another type. */
    static Optional<String> text(ObjectNode object, String member) {
        JsonNode node = object.get(member);
        return node != null && node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
    }

    /** A member that is a JSON boolean; anything else is empty. */
    static Optional<Boolean> bool(ObjectNode object, String member) {
        JsonNode node = object.get(member);
        return node != null && node.isBoolean() ? Optional.of(node.booleanValue()) : Optional.empty();
    }

    /** True when the member is absent or JSON {@code null}. */
    static boolean absent(ObjectNode object, String member) {
        JsonNode node = object.get(member);
        return node == null || node.isNull();
    }
}
