package io.cioconnect.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become RFC 9457 {@code application/problem+json}: each {@link ErrorCode}
 * has one status, temporary failures carry {@code Retry-After} (never more than five minutes, whatever a
 * provider asked for), and an unexpected exception says nothing but {@code internal_error}.
 */
final class ProblemResponses {

    static final String CONTENT_TYPE = "application/problem+json";

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
    /** A host told to wait longer would sit on a connection that may work again in minutes. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    private final ObjectMapper mapper;
    private final RouteTemplate routeTemplate;

    ProblemResponses(ObjectMapper mapper, RouteTemplate routeTemplate) {
        this.mapper = mapper;
        this.routeTemplate = routeTemplate;
    }

    void register(RoutesConfig routes) {
        routes.exception(DomainException.class, (e, ctx) -> write(ctx, statusOf(e.code()), e.code(), e.getMessage(),
                e.retryAfter().orElse(null)));
        routes.exception(HttpProblem.class, (e, ctx) -> write(ctx, e.status(), e.code(), e.getMessage(), e.retryAfter()));
        routes.exception(HttpResponseException.class, this::javalinFailure);
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("unexpected failure on {} {}", ctx.method(), routeTemplate.of(ctx), e);
            write(ctx, 500, ErrorCode.INTERNAL_ERROR, null, null);
        });
    }

    /** The status each code is answered with. */
    static int statusOf(ErrorCode code) {
        return switch (code) {
            case UNAUTHORIZED -> 401;
            case NOT_FOUND -> 404;
            case VALIDATION_FAILED -> 400;
            case REAUTHORIZATION_REQUIRED -> 409;
            case RATE_LIMITED -> 429;
            case PROVIDER_UNAVAILABLE, SERVICE_UNAVAILABLE -> 503;
            case INTERNAL_ERROR -> 500;
        };
    }

    void write(Context ctx, int status, ErrorCode code, String detail, Duration retryAfter) {
        if (status == 429 || status == 503) {
            ctx.header("Retry-After", Long.toString(retryAfterSeconds(retryAfter)));
        }
        String body;
        try {
            body = mapper.writeValueAsString(ProblemDetail.of(status, HttpStatus.forStatus(status).getMessage(),
                    code.code(), code == ErrorCode.INTERNAL_ERROR ? null : detail));
        } catch (JsonProcessingException impossible) {
            body = "{\"status\":" + status + ",\"code\":\"" + code.code() + "\"}";
        }
        ctx.status(status).contentType(CONTENT_TYPE).result(body);
    }

    /** Whole seconds from 1 to {@link #MAX_RETRY_AFTER}, rounded up; the default when nobody said. */
    static long retryAfterSeconds(Duration retryAfter) {
        Duration wait = retryAfter == null ? DEFAULT_RETRY_AFTER : retryAfter;
        if (wait.compareTo(MAX_RETRY_AFTER) > 0) {
            return MAX_RETRY_AFTER.toSeconds();
        }
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** Javalin's own failures: no route (404), a body over the limit (413), and the like. */
    private void javalinFailure(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        write(ctx, status, codeOf(status), detailOf(status), null);
    }

    /** The code of a failure that only has an HTTP status (Javalin's or Jetty's own). */
    static ErrorCode codeOf(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 404, 405 -> ErrorCode.NOT_FOUND;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.VALIDATION_FAILED;
        };
    }

    /** What we say about such a failure: our words only, never a piece of the request. */
    static String detailOf(int status) {
        return switch (status) {
            case 400 -> "the request is malformed";
            case 404, 405 -> "no such endpoint";
            case 413 -> HttpProblem.tooLarge().getMessage();
            case 414 -> "the request URI is too long";
            case 431 -> "the request headers are too large";
            default -> null;
        };
    }
}
