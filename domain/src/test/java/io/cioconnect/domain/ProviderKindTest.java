package io.cioconnect.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProviderKindTest {

    @Test
    void usesTheWireNamesTheApiPromises() {
        assertThat(Arrays.stream(ProviderKind.values()).map(ProviderKind::wireName))
                .containsExactly("oauth2", "app_api_key", "mcp");
    }
}
