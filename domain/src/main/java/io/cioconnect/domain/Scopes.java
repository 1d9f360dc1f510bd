package io.cioconnect.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A set of OAuth scope tokens (RFC 6749 §3.3), kept sorted so that equal sets compare and print equally. */
public record Scopes(SortedSet<String> values) {

    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,200}");
    private static final int MAX_SCOPES = 100;

    public Scopes {
        if (values == null || values.size() > MAX_SCOPES) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "scopes must be a list of at most " + MAX_SCOPES);
        }
        for (String scope : values) {
            if (scope == null || !SCOPE_TOKEN.matcher(scope).matches()) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED,
                        "each scope must be 1-200 printable ASCII characters without spaces, '\"' or '\\'");
            }
        }
        // Natural order whatever the caller's set used, so equal sets always print equally.
        TreeSet<String> sorted = new TreeSet<>();
        sorted.addAll(values);
        values = Collections.unmodifiableSortedSet(sorted);
    }

    /** No scopes at all. */
    public static Scopes none() {
        return new Scopes(new TreeSet<>());
    }

    /** Scopes from a collection of tokens. */
    public static Scopes of(Collection<String> scopes) {
        // Checked before the TreeSet, which would answer a null element with a bare NullPointerException (a 5xx).
        if (scopes == null || scopes.stream().anyMatch(Objects::isNull)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "scopes must be a list of strings");
        }
        return new Scopes(new TreeSet<>(scopes));
    }

    /** Scopes from the space-delimited wire form; blank means none. */
    public static Scopes parse(String spaceDelimited) {
        if (spaceDelimited == null || spaceDelimited.isEmpty()) {
            return none();
        }
        // Only spaces delimit scopes (RFC 6749 §3.3); any other whitespace is left in to be rejected.
        String trimmed = spaceDelimited.replaceAll("^ +| +$", "");
        return trimmed.isEmpty() ? none() : of(Arrays.asList(trimmed.split(" +")));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** True when every scope here is also in {@code allowed}. */
    public boolean isSubsetOf(Scopes allowed) {
        return allowed.values.containsAll(values);
    }

    /** The space-delimited wire form. */
    public String render() {
        return values.stream().collect(Collectors.joining(" "));
    }

    @Override
    public String toString() {
        return render();
    }
}
