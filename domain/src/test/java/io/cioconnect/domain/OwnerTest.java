package io.cioconnect.domain;

import static io.cioconnect.domain.DomainFixtures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OwnerTest {

    @ParameterizedTest
    @ValueSource(strings = {"user-42", "jane.doe+cio@example.com", "tenant:7/user|9", "a=b_c", "x"})
    void acceptsIdsEmailsAndCompositeKeys(String value) {
        assertThat(new Owner(value).toString()).isEqualTo(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"with space", "semi;colon", "quote\"", "back\\slash", "new\nline", "caf\u00e9", "<script>"})
    void rejectsCharactersOutsideTheAllowedShape(String value) {
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> new Owner(value));
    }

    @Test
    void acceptsUpTo200Characters() {
        assertThat(new Owner("o".repeat(Owner.MAX_LENGTH)).value()).hasSize(200);
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> new Owner("o".repeat(Owner.MAX_LENGTH + 1)));
    }
}
