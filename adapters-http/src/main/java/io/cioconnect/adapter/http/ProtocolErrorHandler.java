package io.cioconnect.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to requests that never reach a route: a control character in a header, a URI or headers
 * too large, an ambiguous path. Jetty's own page is HTML that repeats the request URI and lacks the
 * security headers; this answers like every other failure, with problem+json, a stable code and the same
 * headers, and repeats nothing of the request.
 */
final class ProtocolErrorHandler extends ErrorHandler {

    private final ObjectMapper mapper;
    private final SecurityHeaders securityHeaders;

    ProtocolErrorHandler(ObjectMapper mapper, SecurityHeaders securityHeaders) {
        this.mapper = mapper;
        this.securityHeaders = securityHeaders;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        securityHeaders.applyTo((name, value) -> response.getHeaders().put(name, value));
        return super.handle(request, response, callback);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateCacheControl(Response response) {
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
            Callback callback) throws IOException {
        byte[] body = mapper.writeValueAsBytes(ProblemDetail.of(status, HttpStatus.getMessage(status),
                ProblemResponses.codeOf(status).code(), ProblemResponses.detailOf(status)));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemResponses.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
