package io.cioconnect.bootstrap.config;

import static io.cioconnect.bootstrap.config.Scope.DEV_ONLY;
import static io.cioconnect.bootstrap.config.Scope.EVERY_COMMAND;
import static io.cioconnect.bootstrap.config.Scope.SERVERS;
import static io.cioconnect.bootstrap.config.Scope.SERVERS_AND_REKEY;

import io.cioconnect.adapter.customerio.AppApiSettings;
import io.cioconnect.adapter.customerio.CustomerIoPresets.Region;
import io.cioconnect.adapter.customerio.McpPresets;

/**
 * Every environment variable of the service but the per-provider ones ({@link ProviderVariable}), declared
 * once: name, the commands that read it, meaning and default. The reader reads nothing undeclared, and
 * each command's {@code --help} lists exactly what it reads from here. To add a variable, add a constant.
 */
public enum Variable implements Setting {
    PORT(SERVERS, "HTTP port", Default.of("8080")),
    BIND_ADDRESS(SERVERS, "IP address the HTTP server listens on", Default.of("0.0.0.0").inDev("127.0.0.1")),
    PUBLIC_BASE_URL(SERVERS, "the URL browsers reach this service at; callback URLs derive from it. https, except"
            + " on a loopback host (localhost, 127.0.0.0/8, ::1)",
            Default.described("required by serve; http://localhost:<PORT> in dev")),
    DATABASE_URL(EVERY_COMMAND, "PostgreSQL: jdbc:postgresql://host:port/db, or postgres://user:password@host:port/db"
            + "?sslmode=require", Default.described("embedded PostgreSQL in DATA_DIR")),
    DATABASE_USER(EVERY_COMMAND, "PostgreSQL user, unless DATABASE_URL carries one", Default.none()),
    DATABASE_PASSWORD(EVERY_COMMAND, "PostgreSQL password, unless DATABASE_URL carries one", Default.none()),
    DATABASE_POOL_SIZE(EVERY_COMMAND, "most database connections one instance opens", Default.of("10")),
    DATA_DIR(EVERY_COMMAND, "embedded database and the secrets dev generates", Default.of("./data")),
    ENCRYPTION_KEYS(SERVERS_AND_REKEY, "kid:base64key[,kid:base64key...], 32-byte AES keys; the first encrypts,"
            + " all decrypt (run generate-key)", Default.described("required; generated in dev")),
    API_KEYS(SERVERS, "name:secret[,name:secret...]: keys host applications present as Bearer tokens",
            Default.described("required; generated in dev")),
    RETURN_TO_ALLOWED_ORIGINS(SERVERS, "comma-separated origins (scheme://host[:port]) allowed in return_to",
            Default.described("the origin of PUBLIC_BASE_URL")),
    PROVIDERS(SERVERS, "comma-separated provider ids to enable",
            Default.of("customerio").inDev("customerio,sandbox,customerio-app-api,customerio-mcp")),
    CUSTOMERIO_REGION(SERVERS, "us or eu: picks Customer.io's default token URL", Default.of("us")),
    CUSTOMERIO_APP_API_US_URL(SERVERS, "App API host checking keys of US workspaces",
            Default.of(AppApiSettings.DEFAULT_US_URL.toString())),
    CUSTOMERIO_APP_API_EU_URL(SERVERS, "App API host checking keys of EU workspaces",
            Default.of(AppApiSettings.DEFAULT_EU_URL.toString())),
    CUSTOMERIO_APP_API_CHECK_PATH(SERVERS, "the cheap authenticated path asked to check a key (a 2xx: it works)",
            Default.of(AppApiSettings.DEFAULT_CHECK_PATH)),
    CUSTOMERIO_MCP_URL(SERVERS, "the MCP server customerio-mcp connects accounts of, and the resource its tokens are"
            + " for (https, except on a loopback host)", Default.described("by CUSTOMERIO_REGION: "
            + Region.US.mcpUrl() + " or " + Region.EU.mcpUrl() + "; the sandbox's in dev")),
    CUSTOMERIO_MCP_CLIENT_ID(SERVERS, "a client registered beforehand at the MCP server's authorization server, used"
            + " first; unset: this service's client ID metadata document, else dynamic registration", Default.none()),
    CUSTOMERIO_MCP_CLIENT_SECRET(SERVERS, "that client's secret, if it has one", Default.none()),
    CUSTOMERIO_MCP_SCOPES(SERVERS, "space-separated scopes requested, and the set a connect session may ask for",
            Default.described("those the MCP server names")),
    CUSTOMERIO_MCP_CLIENT_NAME(SERVERS, "client_name in this service's client metadata, shown on consent pages",
            Default.of(McpPresets.CLIENT_NAME)),
    REFRESH_SKEW(SERVERS, "a token expiring within this is refreshed before access-token returns it", Default.of("60s")),
    REFRESH_WINDOW(SERVERS, "the refresher renews tokens expiring within this", Default.of("5m")),
    REFRESH_INTERVAL(SERVERS, "how often the refresher looks", Default.of("30s")),
    CONNECT_SESSION_TTL(SERVERS, "lifetime of connect tickets", Default.of("10m")),
    AUTHORIZATION_TTL(SERVERS, "lifetime of pending authorizations and key forms", Default.of("10m")),
    API_RATE_LIMIT(SERVERS, "requests per second per API key on /api/** (0: no limit)", Default.of("1000")),
    BROWSER_RATE_LIMIT(SERVERS, "requests per second per client IP on /oauth/** (0: no limit)", Default.of("20")),
    AUTH_FAILURE_LIMIT(SERVERS, "failed authentications per minute per client IP on /api/** before 429 (0: no limit)",
            Default.of("60")),
    TRUSTED_PROXIES(SERVERS, "comma-separated IP addresses of reverse proxies whose X-Forwarded-For is believed",
            Default.none()),
    WEBHOOK_URL(SERVERS, "where webhooks about connection changes are POSTed (https, except on a loopback host)",
            Default.described("none: no webhooks; in dev, its own receiver at /dev/webhooks")),
    WEBHOOK_SECRETS(SERVERS, "whsec_<base64 of 24-64 random bytes>[,whsec_...]: every secret signs each webhook,"
            + " so secrets rotate without a missed verification", Default.described("required with WEBHOOK_URL;"
            + " generated in dev")),
    MIGRATE_ON_START(SERVERS_AND_REKEY, "apply database migrations at start", Default.of("true")),
    LOG_FORMAT(EVERY_COMMAND, "text, or json (one ECS object per line)", Default.of("text")),
    LOG_LEVEL(EVERY_COMMAND, "trace, debug, info, warn or error", Default.of("info")),
    DEV_ALLOW_REMOTE(DEV_ONLY, "true lets dev use a non-loopback PUBLIC_BASE_URL or a database on another host",
            Default.of("false"));

    private final Scope scope;
    private final String meaning;
    private final Default byDefault;

    Variable(Scope scope, String meaning, Default byDefault) {
        this.scope = scope;
        this.meaning = meaning;
        this.byDefault = byDefault;
    }

    @Override
    public Scope scope() {
        return scope;
    }

    @Override
    public Default byDefault() {
        return byDefault;
    }

    public String meaning() {
        return meaning;
    }
}
