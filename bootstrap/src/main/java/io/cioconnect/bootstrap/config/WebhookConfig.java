package io.cioconnect.bootstrap.config;

import static io.cioconnect.bootstrap.config.Variable.WEBHOOK_SECRETS;
import static io.cioconnect.bootstrap.config.Variable.WEBHOOK_URL;

import io.cioconnect.adapter.webhook.WebhookSecret;
import io.cioconnect.domain.Loopback;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code WEBHOOK_URL} and {@code WEBHOOK_SECRETS}, read and checked: the URL https (http only on a loopback
 * host), every secret a Standard Webhooks secret. In {@code serve} the two go together; {@code dev} without a
 * URL sends to a receiver of its own, signing with the given secrets or one it makes up. Problems name the
 * variable and what is wrong, never a secret.
 *
 * @param url     where webhooks go; empty: webhooks are off ({@code serve}) or go to {@code dev}'s receiver
 * @param secrets the signing secrets, each one signs; empty when none were given
 */
public record WebhookConfig(Optional<URI> url, List<WebhookSecret> secrets) {

    public WebhookConfig {
        secrets = List.copyOf(secrets);
    }

    static WebhookConfig read(EnvironmentReader env) {
        Optional<URI> url = env.given(WEBHOOK_URL).flatMap(value -> ConfigParsers.httpUrl(env, WEBHOOK_URL, value));
        if (url.isPresent() && !ConfigParsers.isHttps(url.get()) && !Loopback.isLoopback(url.get())) {
            env.problem("WEBHOOK_URL must use https (plain http is allowed only on a loopback host)");
        }
        List<WebhookSecret> secrets = secrets(env);
        if (env.mode() == Mode.SERVE && env.isGiven(WEBHOOK_URL) && !env.isGiven(WEBHOOK_SECRETS)) {
            env.problem("WEBHOOK_SECRETS is required when WEBHOOK_URL is set: whsec_<base64 of 24-64 random bytes>"
                    + "[,whsec_...]");
        }
        if (env.mode() == Mode.SERVE && env.isGiven(WEBHOOK_SECRETS) && !env.isGiven(WEBHOOK_URL)) {
            env.problem("WEBHOOK_SECRETS is set but WEBHOOK_URL is not: set both to send webhooks, or neither");
        }
        return new WebhookConfig(url, secrets);
    }

    private static List<WebhookSecret> secrets(EnvironmentReader env) {
        List<WebhookSecret> secrets = new ArrayList<>();
        List<String> entries = env.isGiven(WEBHOOK_SECRETS) ? env.list(WEBHOOK_SECRETS) : List.of();
        for (int i = 0; i < entries.size(); i++) {
            try {
                secrets.add(WebhookSecret.parse(entries.get(i)));
            } catch (IllegalArgumentException e) {
                env.problem("WEBHOOK_SECRETS entry " + (i + 1) + " is not a Standard Webhooks secret: "
                        + e.getMessage());
            }
        }
        return secrets;
    }

    /** True when webhooks are sent to a receiver the operator named. */
    public boolean isConfigured() {
        return url.isPresent();
    }

    @Override
    public String toString() {
        return "WebhookConfig[url=" + url.map(URI::toString).orElse("none") + ", secrets=" + secrets.size() + "]";
    }
}
