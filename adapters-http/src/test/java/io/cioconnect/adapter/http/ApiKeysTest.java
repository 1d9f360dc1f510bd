package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private final ApiKeys keys = new ApiKeys(Map.of("backend", "secret-one", "reports", "secret-two"));

    @Test
    void namesTheKeyThatWasPresented() {
        assertThat(keys.nameOf("secret-one")).hasValue("backend");
        assertThat(keys.nameOf("secret-two")).hasValue("reports");
    }

    @Test
    void recognisesNoPrefixSuffixOrCaseVariantOfAKey() {
        assertThat(keys.nameOf("secret-on")).isEmpty();
        assertThat(keys.nameOf("secret-one ")).isEmpty();
        assertThat(keys.nameOf("SECRET-ONE")).isEmpty();
        assertThat(keys.nameOf("")).isEmpty();
    }
}
