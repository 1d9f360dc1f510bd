package io.cioconnect.adapter.http;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads a request body as a JSON DTO: {@code application/json} only, at most 64 KiB, no unknown fields.
 * Every failure is a 4xx whose message names at most a field, never echoes a value.
 */
final class JsonBody {

    private static final int MAX_FIELD_NAME_IN_MESSAGE = 64;

    private final ObjectMapper mapper;

    JsonBody(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The body as {@code type}; a missing body is an error. */
    <T> T read(Context ctx, Class<T> type) {
        T value = readOptional(ctx, type);
        if (value == null) {
            throw HttpProblem.badRequest("a JSON body is required");
        }
        return value;
    }

    /** The body as {@code type}, or {@code null} when the request has no body at all. */
    <T> T readOptional(Context ctx, Class<T> type) {
        if (ctx.req().getContentLengthLong() == 0) {
            return null; // the usual access-token call: no body, nothing to buffer or parse
        }
        byte[] bytes = ctx.bodyAsBytes(); // Javalin enforces maxRequestSize here, also for chunked bodies
        if (bytes.length == 0) {
            return null;
        }
        if (!isJson(ctx.contentType())) {
            throw HttpProblem.unsupportedMediaType();
        }
        try {
            return mapper.readValue(bytes, type);
        } catch (UnrecognizedPropertyException e) {
            throw HttpProblem.badRequest("unknown field: " + shorten(e.getPropertyName()));
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(ref -> ref.getFieldName() == null ? "[" + ref.getIndex() + "]"
                    : ref.getFieldName()).collect(Collectors.joining("."));
            throw HttpProblem.badRequest(field.isEmpty() ? "the body has the wrong shape"
                    : "field has the wrong type or value: " + shorten(field));
        } catch (IOException e) {
            throw HttpProblem.badRequest("the body is not valid JSON");
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json");
    }

    private static String shorten(String name) {
        return name.length() <= MAX_FIELD_NAME_IN_MESSAGE ? name : name.substring(0, MAX_FIELD_NAME_IN_MESSAGE) + "...";
    }
}
