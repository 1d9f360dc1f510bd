package io.cioconnect.devsandbox;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A static file of the dev pages, read from the classpath once at start so a missing one fails early. */
final class ClasspathAsset implements Handler {

    private final byte[] content;
    private final String contentType;

    private ClasspathAsset(byte[] content, String contentType) {
        this.content = content;
        this.contentType = contentType;
    }

    static ClasspathAsset load(String resource, String contentType) {
        try (InputStream in = ClasspathAsset.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new ClasspathAsset(in.readAllBytes(), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }

    @Override
    public void handle(Context ctx) {
        ctx.contentType(contentType).result(content);
    }
}
