package io.cioconnect.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Before every request: a declared body over the limit is refused before a byte of it is read. Chunked
 * bodies without a length are cut off by Javalin's {@code maxRequestSize} when they are read.
 */
final class BodySizeFilter implements Handler {

    @Override
    public void handle(Context ctx) {
        if (ctx.req().getContentLengthLong() > HttpSettings.MAX_BODY_BYTES) {
            throw HttpProblem.tooLarge();
        }
    }
}
