package io.cioconnect.adapter.http;

import io.cioconnect.domain.ErrorCode;
import java.time.Duration;

/**
 * A failure found by the adapter itself (bad JSON, wrong content type, body too large, rate limited)
 * with the status and code to answer. The message is ours, never a piece of the request.
 */
final class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final ErrorCode code;
    private final transient Duration retryAfter;

    HttpProblem(int status, ErrorCode code, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    static HttpProblem badRequest(String message) {
        return new HttpProblem(400, ErrorCode.VALIDATION_FAILED, message, null);
    }

    static HttpProblem unsupportedMediaType() {
        return new HttpProblem(415, ErrorCode.VALIDATION_FAILED, "the body must be application/json", null);
    }

    static HttpProblem tooLarge() {
        return new HttpProblem(413, ErrorCode.VALIDATION_FAILED,
                "the request body exceeds " + HttpSettings.MAX_BODY_BYTES + " bytes", null);
    }

    static HttpProblem unauthorized() {
        return new HttpProblem(401, ErrorCode.UNAUTHORIZED, "a valid API key is required: Authorization: Bearer <key>", null);
    }

    static HttpProblem rateLimited(Duration retryAfter) {
        return new HttpProblem(429, ErrorCode.RATE_LIMITED, "too many requests; retry later", retryAfter);
    }

    int status() {
        return status;
    }

    ErrorCode code() {
        return code;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
