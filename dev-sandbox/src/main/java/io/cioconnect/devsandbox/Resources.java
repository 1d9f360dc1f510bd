package io.cioconnect.devsandbox;

import java.util.Objects;

/**
 * The resources the sandbox issues tokens for (RFC 8707): its MCP server alone. A request naming another is
 * {@code invalid_target}; a token request must name exactly the resource its grant was given for, so a client
 * that forgets {@code resource} on the code exchange or a refresh is told at once.
 */
final class Resources {

    private final String mcpServer;

    Resources(SandboxSettings settings) {
        this.mcpServer = settings.mcpResource().toString();
    }

    /** The resource named ({@code null} when none), if the sandbox knows it. */
    String requireKnown(String resource) {
        if (resource != null && !resource.equals(mcpServer)) {
            throw OAuthProblem.invalidTarget("the sandbox issues tokens only for its MCP server " + mcpServer);
        }
        return resource;
    }

    /** A token request for {@code grant} must name the grant's resource, no other and not none. */
    static void requireGranted(SandboxState.Grant grant, String resource) {
        if (!Objects.equals(grant.resource(), resource)) {
            throw OAuthProblem.invalidTarget(grant.resource() == null ? "this grant names no resource"
                    : "resource must be the one this grant was given for: " + grant.resource());
        }
    }

    boolean isMcpServer(String resource) {
        return mcpServer.equals(resource);
    }
}
