package io.cioconnect.bootstrap.deploy;

import io.cioconnect.adapter.customerio.AppApiSettingsReader;
import io.cioconnect.adapter.customerio.CustomerIoPresets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables the service reads, for checking the deployment files against. {@link #isKnown} is
 * the one place that knows them. For now it derives them from the code that reads them: the upper-case string
 * literals of bootstrap's configuration package are the service-wide names, and those of the provider settings
 * readers are the suffixes that follow a provider's prefix ({@code CLIENT_ID} in {@code CUSTOMERIO_CLIENT_ID}).
 * Any variable {@code X} may also be given as {@code X_FILE}. Once one declaration lists every variable (the one
 * {@code serve --help} prints), {@link #isKnown} should ask it instead.
 */
final class KnownVariables {

    private static final Pattern NAME = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\"");
    private static final String PROVIDER_READERS = "adapters-customerio/src/main/java/io/cioconnect/adapter/customerio/";

    private static final Set<String> SERVICE_WIDE = literals("bootstrap/src/main/java/io/cioconnect/bootstrap/config");
    private static final Set<String> PROVIDER_SUFFIXES = literals(PROVIDER_READERS + "ProviderSettingsReader.java",
            PROVIDER_READERS + "CallPolicies.java");
    private static final Set<String> APP_API_SUFFIXES = literals(PROVIDER_READERS + "AppApiSettingsReader.java");

    private KnownVariables() {
    }

    static boolean isKnown(String name) {
        String value = name.endsWith("_FILE") ? name.substring(0, name.length() - "_FILE".length()) : name;
        return isRead(name) || !value.equals(name) && !value.endsWith("_FILE") && isRead(value);
    }

    private static boolean isRead(String name) {
        String appApiPrefix = AppApiSettingsReader.PROVIDER_ID.environmentPrefix() + "_";
        return SERVICE_WIDE.contains(name) || name.equals(CustomerIoPresets.REGION_VARIABLE)
                || PROVIDER_SUFFIXES.stream().anyMatch(suffix -> name.matches("[A-Z][A-Z0-9_]*_" + suffix))
                || APP_API_SUFFIXES.stream().anyMatch(suffix -> name.equals(appApiPrefix + suffix));
    }

    /** The upper-case string literals of the Java files at these paths (files, or directories of them). */
    private static Set<String> literals(String... paths) {
        Set<String> names = new TreeSet<>();
        for (String path : paths) {
            Path location = Repository.root().resolve(path);
            try (Stream<Path> files = Files.isDirectory(location) ? Files.list(location) : Stream.of(location)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher literal = NAME.matcher(Files.readString(file));
                    while (literal.find()) {
                        names.add(literal.group(1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + location, e);
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no variable names found in " + String.join(", ", paths) + ": moved?");
        }
        return names;
    }
}
