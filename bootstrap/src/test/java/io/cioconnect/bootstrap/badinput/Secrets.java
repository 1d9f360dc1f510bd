package io.cioconnect.bootstrap.badinput;

import io.cioconnect.bootstrap.badinput.RawHttp.Request;
import io.cioconnect.bootstrap.badinput.RawHttp.Response;
import io.cioconnect.bootstrap.e2e.ScriptedProvider;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every credential the service under test holds, and the one place a response may show one: the
 * {@code access-token} answer for a connection shows that connection's own access token (or App API key).
 * Refresh tokens, the API key, the client secret and the encryption key belong in no response at all.
 */
final class Secrets {

    private static final Pattern ACCESS_TOKEN_PATH = Pattern.compile("/api/v1/connections/([^/?]+)/access-token/?");

    private final ScriptedProvider provider;
    private final List<String> alwaysSecret;
    private final Map<String, Integer> grantByConnection = new ConcurrentHashMap<>();
    private final Map<String, String> apiKeyByConnection = new ConcurrentHashMap<>();

    Secrets(ScriptedProvider provider, List<String> alwaysSecret) {
        this.provider = provider;
        this.alwaysSecret = List.copyOf(alwaysSecret);
    }

    /** Remembers that connection {@code id} holds the grant {@code accessToken} came from. */
    void connection(String id, String accessToken) {
        grantByConnection.put(id.toLowerCase(Locale.ROOT), provider.grantOf(accessToken));
    }

    /** Remembers that connection {@code id} holds the App API key {@code key}. */
    void apiKeyConnection(String id, String key) {
        apiKeyByConnection.put(id.toLowerCase(Locale.ROOT), key);
    }

    /** The credentials that must not appear anywhere in {@code response} to {@code request}. */
    List<String> forbiddenIn(Request request, Response response) {
        String connection = response.status() == 200 && request.method().equals("POST") ? connectionIn(request.path()) : null;
        Integer allowedGrant = connection == null ? null : grantByConnection.get(connection);
        List<String> forbidden = new ArrayList<>(alwaysSecret);
        apiKeyByConnection.forEach((id, key) -> {
            if (!id.equals(connection)) {
                forbidden.add(key);
            }
        });
        for (String token : provider.issuedTokens()) {
            boolean ownAccessToken = token.startsWith("at-") && allowedGrant != null && allowedGrant.equals(provider.grantOf(token));
            if (!ownAccessToken) {
                forbidden.add(token);
            }
        }
        return forbidden;
    }

    /** The connection whose access token a request to {@code path} asks for, lower case; null if none. */
    private static String connectionIn(String path) {
        Matcher matcher = ACCESS_TOKEN_PATH.matcher(path);
        if (!matcher.matches()) {
            return null;
        }
        try {
            return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException brokenEscape) {
            return null;
        }
    }
}
