package io.cioconnect.domain;

import java.util.Locale;

/** How an end user connects a provider's account, which decides the flow the connect link opens. */
public enum ProviderKind {
    /** The OAuth 2.0 authorization code flow with PKCE. */
    OAUTH2,
    /** A form where the user pastes a Customer.io App API key, checked against the App API. */
    APP_API_KEY,
    /** OAuth 2.0 as an MCP server runs it (Customer.io's MCP OAuth), with a client registered at run time. */
    MCP;

    /** The wire form: {@code oauth2}, {@code app_api_key}, {@code mcp}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
