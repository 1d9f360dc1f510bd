package io.cioconnect.bootstrap.deploy;

import io.cioconnect.bootstrap.config.ProviderVariable;
import io.cioconnect.bootstrap.config.Variable;
import java.util.Arrays;

/**
 * The environment variables the service reads, for checking the deployment files against: the declarations
 * that {@code serve --help} prints ({@link Variable}, and {@link ProviderVariable} after any provider's
 * {@code <ID>_} prefix). Any variable {@code X} may also be given as {@code X_FILE}.
 */
final class KnownVariables {

    private KnownVariables() {
    }

    static boolean isKnown(String name) {
        String value = name.endsWith("_FILE") ? name.substring(0, name.length() - "_FILE".length()) : name;
        return isRead(name) || !value.equals(name) && !value.endsWith("_FILE") && isRead(value);
    }

    private static boolean isRead(String name) {
        return Arrays.stream(Variable.values()).anyMatch(variable -> variable.name().equals(name))
                || Arrays.stream(ProviderVariable.values())
                        .anyMatch(variable -> name.matches("[A-Z][A-Z0-9_]*_" + variable.name()));
    }
}
