package io.cioconnect.bootstrap;

import io.cioconnect.adapter.webhook.HttpWebhookSender;
import io.cioconnect.adapter.webhook.WebhookSecret;
import io.cioconnect.adapter.webhook.WebhookTarget;
import io.cioconnect.application.WebhookSettings;
import io.cioconnect.application.port.in.DeliverWebhooksUseCase;
import io.cioconnect.application.port.out.RandomSource;
import io.cioconnect.application.port.out.WebhookMetrics;
import io.cioconnect.application.port.out.WebhookOutbox;
import io.cioconnect.application.service.DeliverWebhooksService;
import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.config.WebhookConfig;
import io.cioconnect.devsandbox.DevWebhookReceiver;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where webhooks go, decided once: to {@code WEBHOOK_URL}, signed with {@code WEBHOOK_SECRETS}; in {@code dev}
 * without a URL, to {@code dev}'s own receiver ({@link DevWebhookReceiver}) with a secret made up at start; in
 * {@code serve} without a URL, nowhere, and then no event is even written.
 */
final class WebhookSetup {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSetup.class);

    private final WebhookConfig config;
    private final WebhookSettings settings;
    /** The secret of dev's own receiver, when it runs. */
    private final String devSecret;

    WebhookSetup(WebhookConfig config, Mode mode, WebhookSettings settings, RandomSource random) {
        this.config = config;
        this.settings = settings;
        this.devSecret = mode == Mode.DEV && !config.isConfigured() ? WebhookSecret.generate(random.bytes(32)) : null;
    }

    boolean enabled() {
        return config.isConfigured() || devSecret != null;
    }

    /** The routes of {@code dev}'s own receiver, when it runs. */
    Optional<DevWebhookReceiver> devReceiver() {
        return Optional.ofNullable(devSecret).map(DevWebhookReceiver::new);
    }

    /**
     * The delivery use case, once the server listens on {@code port} (dev's receiver is on it); its sending
     * threads are added to {@code resources}. Empty when webhooks are off.
     */
    Optional<DeliverWebhooksUseCase> delivery(int port, WebhookOutbox outbox, WebhookMetrics metrics,
            RandomSource random, Clock clock, List<AutoCloseable> resources) {
        if (!enabled()) {
            return Optional.empty();
        }
        WebhookTarget target = devSecret != null
                ? new WebhookTarget(URI.create("http://127.0.0.1:" + port + DevWebhookReceiver.PATH),
                        List.of(WebhookSecret.parse(devSecret)), settings.timeout())
                : new WebhookTarget(config.url().orElseThrow(), config.secrets(), settings.timeout());
        ExecutorService sending = Executors.newFixedThreadPool(settings.concurrency(), daemonThreads());
        resources.add(sending::shutdownNow);
        LOG.info("Webhooks go to {}{}, signed with {} secret(s)", origin(target.url()),
                devSecret != null ? " (dev's own receiver: set WEBHOOK_URL to use yours)" : "",
                target.secrets().size());
        return Optional.of(new DeliverWebhooksService(outbox, new HttpWebhookSender(target, clock), metrics, random,
                clock, settings, sending));
    }

    /**
     * The part of the receiver's URL a log line may show: scheme, host and port. Its user info, path and query
     * can hold a receiver's own token (many webhook endpoints are secret URLs), so they are left out.
     */
    static String origin(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "cio-connect-webhooks-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
