package io.cioconnect.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document with our stable {@code code} extension member. {@code detail} is left
 * out when there is nothing safe to say (internal errors).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProblemDetail(String type, String title, int status, String detail, String code) {

    static ProblemDetail of(int status, String title, String code, String detail) {
        return new ProblemDetail("about:blank", title, status, detail, code);
    }
}
