package io.cioconnect.domain;

import static io.cioconnect.domain.DomainFixtures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopesTest {

    @Test
    void parsesTheSpaceDelimitedWireForm() {
        assertThat(Scopes.parse("read write").values()).containsExactly("read", "write");
    }

    @Test
    void toleratesRepeatedAndSurroundingSpaces() {
        assertThat(Scopes.parse("  write   read ").values()).containsExactly("read", "write");
    }

    @Test
    void parsesNullOrBlankAsNoScopes() {
        assertThat(Scopes.parse(null).isEmpty()).isTrue();
        assertThat(Scopes.parse("   ").isEmpty()).isTrue();
        assertThat(Scopes.parse("")).isEqualTo(Scopes.none());
    }

    @Test
    void rendersSortedAndDeduplicated() {
        assertThat(Scopes.parse("write read write admin").render()).isEqualTo("admin read write");
        assertThat(Scopes.of(List.of("b", "a")).toString()).isEqualTo("a b");
    }

    @Test
    void equalSetsAreEqualWhateverTheirOrder() {
        assertThat(Scopes.parse("b a")).isEqualTo(Scopes.of(List.of("a", "b")));
        assertThat(Scopes.parse("b a").render()).isEqualTo(Scopes.parse("a b").render());
    }

    @Test
    void cannotBeChangedThroughItsValues() {
        TreeSet<String> source = new TreeSet<>(List.of("read"));
        Scopes scopes = new Scopes(source);
        source.add("admin");

        assertThat(scopes.values()).containsExactly("read");
        assertThat(scopes.values()).isUnmodifiable();
    }

    @Test
    void isASubsetOnlyWhenEveryScopeIsAllowed() {
        Scopes allowed = Scopes.parse("read write");

        assertThat(Scopes.parse("read").isSubsetOf(allowed)).isTrue();
        assertThat(Scopes.parse("read write").isSubsetOf(allowed)).isTrue();
        assertThat(Scopes.none().isSubsetOf(allowed)).isTrue();
        assertThat(Scopes.parse("read admin").isSubsetOf(allowed)).isFalse();
        assertThat(allowed.isSubsetOf(Scopes.none())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"read write", "say\"hi", "back\\slash", "tab\there", "new\nline", "nul\u0000",
        "del\u007f", "caf\u00e9", ""})
    void rejectsTokensOutsideRfc6749ScopeCharacters(String token) {
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> Scopes.of(List.of(token)));
    }

    @Test
    void rejectsControlCharactersInsideTheWireForm() {
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> Scopes.parse("read\twrite"));
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> Scopes.parse("read\r\nwrite"));
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> Scopes.parse("read \"write\""));
    }

    @Test
    void rejectsATokenLongerThan200Characters() {
        assertThat(Scopes.of(List.of("a".repeat(200))).render()).hasSize(200);
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> Scopes.of(List.of("a".repeat(201))));
    }

    @Test
    void rejectsMoreThanOneHundredScopes() {
        List<String> many = IntStream.rangeClosed(1, 101).mapToObj(i -> "s" + i).toList();
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> Scopes.of(many));
    }

    @Test
    void rejectsAMissingListOrAMissingElementAsInvalidInput() {
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> Scopes.of(null));
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> Scopes.of(Arrays.asList("read", null)));
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> new Scopes(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"read\n", "read\t", "\nread", "read\r\nwrite"})
    void rejectsWhitespaceOtherThanSpaces(String raw) {
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> Scopes.parse(raw));
    }

    @Test
    void sortsNaturallyWhateverTheCallersOrder() {
        TreeSet<String> reversed = new TreeSet<>(java.util.Comparator.reverseOrder());
        reversed.addAll(List.of("a", "b", "c"));
        assertThat(new Scopes(reversed).render()).isEqualTo("a b c");
    }
}
