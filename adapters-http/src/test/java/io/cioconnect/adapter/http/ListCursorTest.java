package io.cioconnect.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.ListPosition;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ListCursorTest {

    @Test
    void readsBackEveryPositionItWrites() {
        Random random = new Random(14);
        for (int i = 0; i < 1_000; i++) {
            ListPosition position = new ListPosition(
                    Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE) - (long) Integer.MAX_VALUE / 2, random.nextInt(1_000_000_000)),
                    new ConnectionId(new UUID(random.nextLong(), random.nextLong())));

            String cursor = ListCursor.encode(position);

            assertThat(cursor).matches("[A-Za-z0-9_-]{1,96}");
            assertThat(ListCursor.decode(cursor)).isEqualTo(position);
        }
    }

    @Test
    void isOpaqueToTheClient() {
        String cursor = ListCursor.encode(new ListPosition(Instant.parse("2026-01-15T10:00:00Z"),
                ConnectionId.parse("0b6f3c1e-8f4a-4c1d-9d2e-1a2b3c4d5e6f")));

        assertThat(cursor).doesNotContain("2026", "0b6f3c1e", "=", "+", "/");
    }

    @Test
    void refusesAnotherSpellingOfTheSamePosition() {
        String canonical = "c1.5.7.0b6f3c1e-8f4a-4c1d-9d2e-1a2b3c4d5e6f";
        assertThat(ListCursor.decode(base64(canonical)).createdAt()).isEqualTo(Instant.ofEpochSecond(5, 7));

        for (String other : new String[] {"c1.05.7.0b6f3c1e-8f4a-4c1d-9d2e-1a2b3c4d5e6f", "c1.5.07.0b6f3c1e-8f4a-4c1d-9d2e-1a2b3c4d5e6f",
                "c1.-0.7.0b6f3c1e-8f4a-4c1d-9d2e-1a2b3c4d5e6f", "c2.5.7.0b6f3c1e-8f4a-4c1d-9d2e-1a2b3c4d5e6f",
                "c1.5.7.0B6F3C1E-8F4A-4C1D-9D2E-1A2B3C4D5E6F", "c1.5.7.0b6f3c1e-8f4a-4c1d-9d2e-1a2b3c4d5e6f ",
                "c1.5.1000000000.0b6f3c1e-8f4a-4c1d-9d2e-1a2b3c4d5e6f", "c1.99999999999999999.0.0b6f3c1e-8f4a-4c1d-9d2e-1a2b3c4d5e6f"}) {
            assertThatThrownBy(() -> ListCursor.decode(base64(other))).as(other).isInstanceOf(HttpProblem.class);
        }
        assertThatThrownBy(() -> ListCursor.decode(base64(canonical) + "=")).isInstanceOf(HttpProblem.class);
    }

    private static String base64(String text) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
