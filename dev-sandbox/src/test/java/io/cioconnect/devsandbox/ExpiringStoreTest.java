package io.cioconnect.devsandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The bounded, expiring map under all of the sandbox's state. */
class ExpiringStoreTest {

    private final MovableClock clock = new MovableClock();
    private final ExpiringStore<String> store = new ExpiringStore<>(3, clock);

    @Test
    void forgetsAnEntryAtItsExpiry() {
        store.put("k", "v", clock.instant().plusSeconds(10));
        clock.advance(Duration.ofSeconds(9));
        assertThat(store.get("k")).hasValue("v");

        clock.advance(Duration.ofSeconds(1));

        assertThat(store.get("k")).isEmpty();
    }

    @Test
    void dropsTheOldestEntryWhenFull() {
        Instant later = clock.instant().plusSeconds(60);
        for (String key : new String[] {"a", "b", "c", "d"}) {
            store.put(key, key, later);
        }

        assertThat(store.size()).isEqualTo(3);
        assertThat(store.get("a")).isEmpty();
        assertThat(store.get("d")).hasValue("d");
    }

    @Test
    void dropsExpiredEntriesBeforeLiveOnesWhenFull() {
        store.put("short", "s", clock.instant().plusSeconds(1));
        store.put("b", "b", clock.instant().plusSeconds(60));
        store.put("c", "c", clock.instant().plusSeconds(60));
        clock.advance(Duration.ofSeconds(2));

        store.put("d", "d", clock.instant().plusSeconds(60));

        assertThat(store.get("b")).hasValue("b");
        assertThat(store.get("d")).hasValue("d");
    }

    @Test
    void takeAnswersAnEntryOnlyOnce() {
        store.put("k", "v", clock.instant().plusSeconds(10));

        assertThat(store.take("k")).hasValue("v");
        assertThat(store.take("k")).isEmpty();
    }
}
