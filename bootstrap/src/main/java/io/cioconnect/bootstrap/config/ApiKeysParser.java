package io.cioconnect.bootstrap.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses {@code API_KEYS} ({@code name:secret[,name:secret...]}); problems name the key, never the secret. */
final class ApiKeysParser {

    static final int MIN_SECRET_LENGTH = 24;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern SECRET = Pattern.compile("[\\x21-\\x7E&&[^,]]+");

    private ApiKeysParser() {
    }

    static Map<String, String> parse(String raw, EnvironmentReader reader) {
        Map<String, String> keys = new LinkedHashMap<>();
        String[] entries = raw.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            int colon = entry.indexOf(':');
            String where = "API_KEYS entry " + (i + 1);
            if (colon <= 0) {
                reader.problem(where + " must look like name:secret");
                continue;
            }
            String name = entry.substring(0, colon);
            String secret = entry.substring(colon + 1);
            if (!NAME.matcher(name).matches()) {
                reader.problem(where + " has a name that is not 1-64 characters from A-Z a-z 0-9 . _ -");
            } else if (secret.length() < MIN_SECRET_LENGTH || !SECRET.matcher(secret).matches()) {
                reader.problem("API_KEYS key '" + name + "' needs a secret of at least " + MIN_SECRET_LENGTH
                        + " printable characters without spaces or commas");
            } else if (keys.putIfAbsent(name, secret) != null) {
                reader.problem("API_KEYS names key '" + name + "' twice");
            }
        }
        return keys;
    }
}
