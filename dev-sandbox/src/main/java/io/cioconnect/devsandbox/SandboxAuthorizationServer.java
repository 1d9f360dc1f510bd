package io.cioconnect.devsandbox;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import io.javalin.apibuilder.EndpointGroup;

/**
 * The {@code sandbox} provider of {@code dev} mode: a small OAuth 2.0 authorization server (RFC 6749
 * authorization code with RFC 7636 PKCE S256, refresh-token rotation, RFC 7009 revocation, RFC 9207
 * {@code iss}) served under {@code /sandbox} by the service itself, so the whole connect flow runs with
 * no Customer.io account and no network. It also plays an MCP server and its authorization server as the MCP
 * authorization specification has them: protected resource and server metadata (RFC 9728, RFC 8414), clients
 * known by their metadata documents or by dynamic registration (RFC 7591), and RFC 8707 resources. All its
 * state lives in memory and ends with the process.
 */
public final class SandboxAuthorizationServer implements EndpointGroup {

    /** Where the sandbox lives on the service; its issuer is the public base URL plus this path. */
    public static final String PATH = "/sandbox";

    private final AuthorizeEndpoint authorize;
    private final TokenEndpoint token;
    private final RegistrationEndpoint registration;
    private final MetadataEndpoints metadata;
    private final McpServer mcp;
    private final ProtectedResources resources;
    private final ClasspathAsset stylesheet;

    public SandboxAuthorizationServer(SandboxSettings settings) {
        SandboxState state = new SandboxState(settings.clock(), settings.accessTokenLifetime());
        SandboxClients clients = new SandboxClients(settings, new ClientMetadataFetcher());
        Resources known = new Resources(settings);
        this.authorize = new AuthorizeEndpoint(settings, state, clients, known);
        this.token = new TokenEndpoint(state, clients, known);
        this.registration = new RegistrationEndpoint(clients, settings.clock());
        this.metadata = new MetadataEndpoints(settings);
        this.mcp = new McpServer(state, known, metadata);
        this.resources = new ProtectedResources(state);
        this.stylesheet = ClasspathAsset.load("/devsandbox/sandbox.css", "text/css; charset=utf-8");
    }

    @Override
    public void addEndpoints() {
        get(PATH + "/authorize", authorize::show);
        post(PATH + "/authorize", authorize::decide);
        post(PATH + "/token", token::token);
        post(PATH + "/revoke", token::revoke);
        post(PATH + "/register", registration::register);
        post(PATH + "/mcp", mcp::handle);
        get(MetadataEndpoints.RESOURCE_METADATA, metadata::resource);
        get(MetadataEndpoints.SERVER_METADATA, metadata::server);
        get(PATH + "/userinfo", resources::userInfo);
        get(PATH + "/app-api/v1/workspaces", resources::workspaces);
        get(SandboxPages.STYLESHEET, stylesheet);
    }
}
