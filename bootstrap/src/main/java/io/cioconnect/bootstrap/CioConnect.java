package io.cioconnect.bootstrap;

import io.cioconnect.adapter.customerio.McpSettings;
import io.cioconnect.adapter.customerio.StaticProviderRegistry;
import io.cioconnect.adapter.http.HttpApi;
import io.cioconnect.adapter.http.HttpSettings;
import io.cioconnect.adapter.persistence.DatabaseSettings;
import io.cioconnect.adapter.persistence.PostgresPersistence;
import io.cioconnect.application.ConnectSettings;
import io.cioconnect.application.RefreshSettings;
import io.cioconnect.application.WebhookSettings;
import io.cioconnect.application.port.in.DeliverWebhooksUseCase;
import io.cioconnect.application.port.out.ApiKeyVerifier;
import io.cioconnect.application.port.out.OAuthProvider;
import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.bootstrap.config.Mode;
import io.cioconnect.bootstrap.config.ServiceConfig;
import io.cioconnect.bootstrap.metrics.MicrometerRefreshMetrics;
import io.cioconnect.bootstrap.metrics.MicrometerWebhookMetrics;
import io.cioconnect.bootstrap.metrics.ServiceMeters;
import io.cioconnect.bootstrap.metrics.StoreGauges;
import io.cioconnect.devsandbox.DevConsole;
import io.cioconnect.devsandbox.SandboxAuthorizationServer;
import io.cioconnect.devsandbox.SandboxSettings;
import io.cioconnect.domain.ClientSecret;
import io.javalin.Javalin;
import io.javalin.apibuilder.EndpointGroup;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the whole service with plain constructors from its configuration, starts
 * it, and stops it in the reverse order. End-to-end tests start the real thing through {@link #start}.
 */
public final class CioConnect implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CioConnect.class);
    /** In-flight requests get this long to finish on shutdown. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);
    static final Duration REVOCATION_INTERVAL = Duration.ofSeconds(30);
    /** Sandbox tokens live long enough to outlast one REFRESH_WINDOW, so the refresher is seen working. */
    static final Duration SANDBOX_TOKEN_LIFETIME = Duration.ofMinutes(10);

    private final List<AutoCloseable> resources;
    private final Javalin app;

    private final BackgroundJobs jobs;

    private CioConnect(Javalin app, BackgroundJobs jobs, List<AutoCloseable> resources) {
        this.app = app;
        this.jobs = jobs;
        this.resources = resources;
    }

    /** Builds and starts the service described by {@code config}. */
    public static CioConnect start(ServiceConfig config) throws Exception {
        return start(config, WebhookSettings.defaults());
    }

    /** As {@link #start(ServiceConfig)}, delivering webhooks as {@code webhookSettings} say (tests shorten them). */
    public static CioConnect start(ServiceConfig config, WebhookSettings webhookSettings) throws Exception {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            config.warnings().forEach(LOG::warn);
            // Milliseconds: what the API shows and PostgreSQL keeps agree to the digit.
            Clock clock = Clock.tickMillis(ZoneOffset.UTC);
            ServiceMeters serviceMeters = new ServiceMeters();
            resources.add(serviceMeters);
            PrometheusMeterRegistry meters = serviceMeters.registry();
            SandboxSettings sandbox = config.mode() == Mode.DEV ? sandboxSettings(config.publicBaseUrl(), clock) : null;
            // Providers first: a missing credential stops start-up before any database is started.
            ProviderSetup setup = new ProviderSetup(config, meters);
            ApiKeyVerifier appApiKeys = setup.appApiKeys(sandbox);
            List<OAuthProvider> oauth = new ArrayList<>(setup.build(sandbox));
            PostgresPersistence stores = openStores(config, resources);
            stores.reportPoolTo(meters);
            // Migrating needs the database and wiring the HTTP side needs none: they run side by side (two cores
            // halve the wait), and the server starts listening only once the schema is migrated.
            CompletableFuture<?> migrated = config.migrateOnStart()
                    ? CompletableFuture.runAsync(stores::migrate) : CompletableFuture.completedFuture(null);
            // The MCP provider keeps the clients it registers in the database; it calls nothing remote yet.
            setup.mcp(sandbox, stores.clientRegistrations()).ifPresent(oauth::add);
            StaticProviderRegistry providers = new StaticProviderRegistry(setup.inConfiguredOrder(oauth),
                    setup.keyProviders(appApiKeys));
            ConnectSettings settings = new ConnectSettings(config.publicBaseUrl(), config.allowedReturnOrigins(),
                    config.connectSessionTtl(), config.authorizationTtl(), config.refreshSkew());
            RefreshSettings refresh = RefreshSettings.defaults()
                    .withWindowAndInterval(config.refreshWindow(), config.refreshInterval());
            SecureRandomSource random = new SecureRandomSource();
            WebhookSetup webhooks = new WebhookSetup(config.webhooks(), config.mode(), webhookSettings, random);
            Serving serving = new Serving();
            BackgroundJobs jobs = new BackgroundJobs();
            UseCases useCases = UseCases.wire(stores, providers, appApiKeys, random, clock, settings,
                    refresh, new MicrometerRefreshMetrics(meters), List.of(serving, jobs), webhooks.enabled());
            MicrometerWebhookMetrics webhookMetrics = new MicrometerWebhookMetrics(meters);

            Javalin app = HttpApi.create(useCases.http(), httpSettings(config), meters,
                    extraRoutes(sandbox, config.providerConfig().mcp(), webhooks));
            app.jettyServer().server().setStopTimeout(STOP_TIMEOUT.toMillis());
            serviceMeters.bindServerThreads(app.jettyServer().server().getThreadPool());
            awaitMigrations(migrated);
            app.start(config.bindAddress(), config.port());
            resources.add(app::stop);
            // Webhook sending threads, when webhooks are on, join the resources here: stopped after the jobs.
            Optional<DeliverWebhooksUseCase> delivery = webhooks.delivery(app.port(), stores.webhookEvents(),
                    webhookMetrics, random, clock, resources);
            // Closed in reverse: readiness DOWN first, then the jobs, then the server (see close()).
            resources.add(jobs);
            resources.add(serving);

            jobs.every(PURGE_INTERVAL, "purge_expired_flows", useCases.purgeExpiredFlows()::purgeExpired);
            jobs.every(REVOCATION_INTERVAL, "retry_revocations", useCases.retryRevocations()::retryDue);
            for (ProviderDescriptor provider : providers.descriptors()) {
                jobs.every(refresh.interval(), "refresh_sweep." + provider.id().value(),
                        () -> useCases.refreshDueConnections().refreshDue(provider.id()).claimed());
            }
            StoreGauges gauges = new StoreGauges(meters, stores.statistics(), clock, refresh.window(),
                    providers.descriptors().stream().map(d -> d.id().value()).toList());
            jobs.every(Duration.ZERO, StoreGauges.INTERVAL, "store_statistics", gauges::refresh);
            delivery.ifPresent(deliver -> jobs.every(webhookSettings.interval(), "deliver_webhooks",
                    deliver::deliverDue));
            LOG.info("cio-connect is listening on {} port {} as {} with providers {}", config.bindAddress(), app.port(),
                    config.publicBaseUrl(),
                    providers.descriptors().stream().map(d -> d.id().value()).toList());
            return new CioConnect(app, jobs, resources);
        } catch (Exception | Error e) {
            closeAll(resources);
            throw e;
        }
    }

    /** Waits for the migrations, and fails as they failed. */
    private static void awaitMigrations(CompletableFuture<?> migrated) throws Exception {
        try {
            migrated.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Opens the stores over the database; migrating is the caller's choice. */
    static PostgresPersistence openStores(ServiceConfig config, List<AutoCloseable> resources) throws Exception {
        PostgresPersistence stores = PostgresPersistence.create(openDatabase(config, resources), config.encryptionKeys());
        resources.add(stores);
        return stores;
    }

    /** The configured database, or the embedded one, started (and added to {@code resources} to stop). */
    static DatabaseSettings openDatabase(ServiceConfig config, List<AutoCloseable> resources) throws Exception {
        if (config.database().isPresent()) {
            return config.database().get();
        }
        LOG.info("No DATABASE_URL: running embedded PostgreSQL with its data in {}", config.dataDir().toAbsolutePath());
        // Only dev trades durability for speed: serve, migrate and rekey may hold the only copy of credentials.
        EmbeddedDatabase embedded = EmbeddedDatabase.start(config.dataDir(), config.mode() != Mode.DEV);
        resources.add(embedded);
        return embedded.settings(config.databasePoolSize());
    }

    private static HttpSettings httpSettings(ServiceConfig config) {
        return new HttpSettings(config.publicBaseUrl(), config.apiKeys(), config.apiRateLimit(),
                config.browserRateLimit(), config.authFailureLimit(), config.trustedProxies());
    }

    private static SandboxSettings sandboxSettings(URI publicBaseUrl, Clock clock) {
        byte[] secret = new SecureRandomSource().bytes(32);
        SandboxSettings defaults = SandboxSettings.forDev(publicBaseUrl, "cio-connect-dev",
                new ClientSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(secret)), clock);
        return new SandboxSettings(defaults.publicBaseUrl(), defaults.clientId(), defaults.clientSecret(),
                defaults.redirectUri(), defaults.scopes(), SANDBOX_TOKEN_LIFETIME, clock);
    }

    /**
     * The client metadata document of {@code customerio-mcp} when enabled, the console and sandbox of {@code dev},
     * and {@code dev}'s webhook receiver when it runs.
     */
    private static EndpointGroup[] extraRoutes(SandboxSettings sandbox, Optional<McpSettings> mcp,
            WebhookSetup webhooks) {
        List<EndpointGroup> routes = new ArrayList<>();
        mcp.ifPresent(settings -> routes.add(new McpClientMetadataRoute(settings)));
        webhooks.devReceiver().ifPresent(routes::add);
        if (sandbox != null) {
            routes.add(new DevConsole());
            routes.add(new SandboxAuthorizationServer(sandbox));
        }
        return routes.toArray(new EndpointGroup[0]);
    }

    /** The port the HTTP server listens on. */
    public int port() {
        return app.port();
    }

    /** The supervised background jobs: a part that needs one more registers it here. */
    BackgroundJobs jobs() {
        return jobs;
    }

    /**
     * The graceful stop, in this order: readiness turns DOWN (the server still answers, so load balancers
     * polling it stop sending requests); the background jobs stop (a run in progress may finish, within 10 s);
     * the server stops taking requests and lets those in flight finish (within {@link #STOP_TIMEOUT}); then the
     * database pool closes, and the embedded PostgreSQL stops if there is one.
     */
    @Override
    public void close() {
        closeAll(resources);
        resources.clear();
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", resources.get(i).getClass().getSimpleName(), e.toString());
            }
        }
    }
}
