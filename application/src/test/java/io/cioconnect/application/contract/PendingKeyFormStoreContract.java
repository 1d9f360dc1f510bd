package io.cioconnect.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.port.out.PendingKeyFormStore;
import io.cioconnect.domain.BrowserBinding;
import io.cioconnect.domain.ClientState;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.PendingKeyForm;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.ReturnTo;
import io.cioconnect.domain.SecretHash;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link PendingKeyFormStore}; run against every implementation. */
public abstract class PendingKeyFormStoreContract extends ConsumeOnceStoreContract<PendingKeyForm> {

    private PendingKeyFormStore store;

    /** A fresh, empty store for each test. */
    protected abstract PendingKeyFormStore createStore();

    @BeforeEach
    void setUpStore() {
        store = createStore();
    }

    @Override
    protected PendingKeyForm newValue(SecretHash key, Instant expiresAt) {
        return form(key, new ClientState("host \"state\" <1>"), expiresAt);
    }

    private static PendingKeyForm form(SecretHash key, ClientState clientState, Instant expiresAt) {
        byte[] random = UUID.randomUUID().toString().repeat(2).getBytes(StandardCharsets.US_ASCII);
        return new PendingKeyForm(key, BrowserBinding.fromRandom(Arrays.copyOf(random, 32)).hash(),
                new Owner("user-" + UUID.randomUUID()), new ProviderId("customerio-app-api"),
                ReturnTo.parse("https://app.example.com/settings?tab=keys", Set.of("https://app.example.com")),
                clientState, NOW, expiresAt);
    }

    @Override
    protected void save(PendingKeyForm value) {
        store.save(value);
    }

    @Override
    protected Optional<PendingKeyForm> consume(SecretHash key, Instant now) {
        return store.consume(key, now);
    }

    @Override
    protected int purgeExpired(Instant now) {
        return store.purgeExpired(now);
    }

    @Test
    void keepsEveryFieldOfAForm() {
        PendingKeyForm form = newValue(randomKey(), NOW.plus(Duration.ofMinutes(10)));
        store.save(form);

        assertThat(store.consume(form.tokenHash(), NOW)).contains(form);
    }

    @Test
    void keepsAFormWithoutClientState() {
        PendingKeyForm form = form(randomKey(), null, NOW.plus(Duration.ofMinutes(10)));
        store.save(form);

        assertThat(store.consume(form.tokenHash(), NOW)).contains(form);
    }

    @Test
    void aReissuedFormIsFoundUnderItsNewTokenOnly() {
        PendingKeyForm form = newValue(randomKey(), NOW.plus(Duration.ofMinutes(10)));
        store.save(form);
        PendingKeyForm taken = store.consume(form.tokenHash(), NOW).orElseThrow();

        PendingKeyForm again = taken.reissued(randomKey());
        store.save(again);

        assertThat(store.consume(form.tokenHash(), NOW)).isEmpty();
        assertThat(store.consume(again.tokenHash(), NOW)).contains(again);
    }
}
