package io.cioconnect.adapter.http;

import io.cioconnect.domain.BrowserBinding;
import io.javalin.http.Context;
import java.time.Duration;

/**
 * The cookie that binds a flow to the browser that started it (docs/security.md): HttpOnly, {@code SameSite=Lax}
 * (Strict would not come back on the provider's cross-site redirect), {@code Path=/}, no {@code Domain},
 * a {@code Max-Age}; {@code Secure} with the {@code __Host-} prefix when browsers reach us over https.
 * Written by hand so every attribute is exactly what we mean.
 */
final class BindingCookie {

    private static final String BASE_NAME = "cioconnect_binding";

    private final boolean secure;

    BindingCookie(boolean secure) {
        this.secure = secure;
    }

    String name() {
        return secure ? "__Host-" + BASE_NAME : BASE_NAME;
    }

    void set(Context ctx, BrowserBinding binding, Duration lifetime) {
        ctx.res().addHeader("Set-Cookie", header(binding.value(), Math.max(1, lifetime.toSeconds())));
    }

    /** Forgets the binding once its flow is over, so the cookie cannot outlive its purpose. */
    void clear(Context ctx) {
        ctx.res().addHeader("Set-Cookie", header("", 0));
    }

    /** The binding the browser presented, or {@code null} when it sent none. */
    BrowserBinding read(Context ctx) {
        String value = ctx.cookie(name());
        return value == null || value.isBlank() ? null : new BrowserBinding(value);
    }

    private String header(String value, long maxAgeSeconds) {
        return name() + "=" + value + "; Max-Age=" + maxAgeSeconds + "; Path=/; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : "");
    }
}
