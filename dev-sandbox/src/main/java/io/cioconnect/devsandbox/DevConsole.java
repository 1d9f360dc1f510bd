package io.cioconnect.devsandbox;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;

/**
 * The console page of {@code dev} mode at {@code /}: paste the API key, pick an owner and a provider,
 * connect, then list, use and disconnect connections. A static page whose script calls the host API
 * ({@code /api/v1/**}) from the browser like any host application would.
 */
public final class DevConsole implements EndpointGroup {

    /** The page runs only its own script and style, and talks only to this service. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final ClasspathAsset page = ClasspathAsset.load("/devsandbox/index.html", "text/html; charset=utf-8");
    private final ClasspathAsset script = ClasspathAsset.load("/devsandbox/console.js", "text/javascript; charset=utf-8");
    private final ClasspathAsset stylesheet = ClasspathAsset.load("/devsandbox/console.css", "text/css; charset=utf-8");

    @Override
    public void addEndpoints() {
        get("/", this::page);
        get("/dev/console.js", script);
        get("/dev/console.css", stylesheet);
    }

    private void page(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("Cache-Control", "no-store");
        page.handle(ctx);
    }
}
