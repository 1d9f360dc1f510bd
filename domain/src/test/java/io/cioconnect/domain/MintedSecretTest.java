package io.cioconnect.domain;

import static io.cioconnect.domain.DomainFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** State, ConnectTicket, BrowserBinding and FormToken: random values minted by us and stored only as hashes. */
class MintedSecretTest {

    /** One minted type seen through the same three operations. */
    record Minted(String name, int randomBytes, Function<byte[], Object> fromRandom,
            Function<String, Object> fromValue, Function<Object, String> value, Function<Object, SecretHash> hash) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Minted> mintedTypes() {
        return Stream.of(
                new Minted("State", State.RANDOM_BYTES, State::fromRandom, State::new,
                        s -> ((State) s).value(), s -> ((State) s).hash()),
                new Minted("ConnectTicket", ConnectTicket.RANDOM_BYTES, ConnectTicket::fromRandom, ConnectTicket::new,
                        s -> ((ConnectTicket) s).value(), s -> ((ConnectTicket) s).hash()),
                new Minted("BrowserBinding", BrowserBinding.RANDOM_BYTES, BrowserBinding::fromRandom,
                        BrowserBinding::new, s -> ((BrowserBinding) s).value(), s -> ((BrowserBinding) s).hash()),
                new Minted("FormToken", FormToken.RANDOM_BYTES, FormToken::fromRandom, FormToken::new,
                        s -> ((FormToken) s).value(), s -> ((FormToken) s).hash()));
    }

    @ParameterizedTest
    @MethodSource("mintedTypes")
    void mintsFromAtLeast128Bits(Minted type) {
        assertThat(type.randomBytes() * 8).isGreaterThanOrEqualTo(128);
        assertThat(type.value().apply(type.fromRandom().apply(bytes(type.randomBytes(), 1)))).hasSize(43);
    }

    @ParameterizedTest
    @MethodSource("mintedTypes")
    void rejectsTooFewRandomBytes(Minted type) {
        assertThatThrownBy(() -> type.fromRandom().apply(bytes(type.randomBytes() - 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> type.fromRandom().apply(null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @MethodSource("mintedTypes")
    void differentRandomInputsGiveDifferentValues(Minted type) {
        Object first = type.fromRandom().apply(bytes(32, 1));
        Object second = type.fromRandom().apply(bytes(32, 2));
        assertThat(type.value().apply(first)).isNotEqualTo(type.value().apply(second));
        assertThat(type.hash().apply(first)).isNotEqualTo(type.hash().apply(second));
    }

    @ParameterizedTest
    @MethodSource("mintedTypes")
    void hashesTheValueWithSha256AsLowerCaseHex(Minted type) {
        Object secret = type.fromValue().apply("abc");
        assertThat(type.hash().apply(secret).hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @ParameterizedTest
    @MethodSource("mintedTypes")
    void hashIsStableForTheSameValue(Minted type) {
        Object minted = type.fromRandom().apply(bytes(32, 5));
        Object again = type.fromValue().apply(type.value().apply(minted));
        assertThat(type.hash().apply(again)).isEqualTo(type.hash().apply(minted));
    }

    @ParameterizedTest
    @MethodSource("mintedTypes")
    void toStringNeverContainsTheValue(Minted type) {
        Object secret = type.fromRandom().apply(bytes(32, 3));
        assertThat(secret.toString())
                .isEqualTo(type.name() + "[redacted]")
                .doesNotContain(type.value().apply(secret));
    }

    @ParameterizedTest
    @MethodSource("mintedTypes")
    void rejectsNullAndBlankValues(Minted type) {
        assertThatThrownBy(() -> type.fromValue().apply(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> type.fromValue().apply(" \t")).isInstanceOf(IllegalArgumentException.class);
    }
}
