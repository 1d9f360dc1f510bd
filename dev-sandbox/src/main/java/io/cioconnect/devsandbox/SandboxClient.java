package io.cioconnect.devsandbox;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * A client of the sandbox: its id, the redirect URIs it may use, the digest of its secret ({@code null} for a
 * public client, which proves itself with PKCE alone), the name the consent page shows, and how the sandbox
 * came to know it.
 */
record SandboxClient(String clientId, Set<String> redirectUris, byte[] secretDigest, String name, Identity identity) {

    /** How a client identifies itself, as the MCP authorization specification lists the ways. */
    enum Identity {
        PRECONFIGURED("pre-registered client"),
        METADATA_DOCUMENT("client ID metadata document"),
        REGISTERED("dynamic client registration");

        private final String label;

        Identity(String label) {
            this.label = label;
        }

        /** How the console and the consent page name it. */
        String label() {
            return label;
        }

        /** The wire form the sandbox's MCP server reports: {@code metadata_document}, ... */
        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    SandboxClient {
        redirectUris = Set.copyOf(redirectUris);
        secretDigest = secretDigest == null ? null : secretDigest.clone();
    }

    boolean isPublic() {
        return secretDigest == null;
    }

    /** The host of a redirect URI, which the consent page shows so a user sees where the code would go. */
    static String hostOf(String redirectUri) {
        return URI.create(redirectUri).getHost();
    }

    @Override
    public String toString() {
        return "SandboxClient[" + clientId + ", " + identity + "]";
    }
}
