package io.cioconnect.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.port.out.PendingAuthorizationStore;
import io.cioconnect.domain.BrowserBinding;
import io.cioconnect.domain.ClientState;
import io.cioconnect.domain.ExpectedIssuer;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.PendingAuthorization;
import io.cioconnect.domain.PkceVerifier;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.ReturnTo;
import io.cioconnect.domain.Scopes;
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

/** The contract of {@link PendingAuthorizationStore}; run against every implementation. */
public abstract class PendingAuthorizationStoreContract extends ConsumeOnceStoreContract<PendingAuthorization> {

    private PendingAuthorizationStore store;

    /** A fresh, empty store for each test. */
    protected abstract PendingAuthorizationStore createStore();

    @BeforeEach
    void setUpStore() {
        store = createStore();
    }

    @Override
    protected PendingAuthorization newValue(SecretHash key, Instant expiresAt) {
        return pending(key, new ExpectedIssuer("https://issuer.example.com", true), new ClientState("host 'state'"),
                expiresAt);
    }

    private static PendingAuthorization pending(SecretHash key, ExpectedIssuer issuer, ClientState clientState,
            Instant expiresAt) {
        byte[] random = UUID.randomUUID().toString().repeat(2).getBytes(StandardCharsets.US_ASCII);
        return new PendingAuthorization(key, PkceVerifier.fromRandom(Arrays.copyOf(random, 32)),
                BrowserBinding.fromRandom(Arrays.copyOfRange(random, 16, 48)).hash(), issuer,
                new Owner("user-" + UUID.randomUUID()), new ProviderId("customerio"),
                ReturnTo.parse("https://app.example.com/settings", Set.of("https://app.example.com")), clientState,
                Scopes.parse("full_access other"), NOW, expiresAt);
    }

    @Override
    protected void save(PendingAuthorization value) {
        store.save(value);
    }

    @Override
    protected Optional<PendingAuthorization> consume(SecretHash key, Instant now) {
        return store.consume(key, now);
    }

    @Override
    protected int purgeExpired(Instant now) {
        return store.purgeExpired(now);
    }

    @Test
    void keepsEveryFieldIncludingTheVerifier() {
        PendingAuthorization pending = newValue(randomKey(), NOW.plus(Duration.ofMinutes(10)));
        store.save(pending);

        assertThat(store.consume(pending.stateHash(), NOW)).contains(pending);
    }

    @Test
    void keepsAPendingAuthorizationWithoutIssuerOrClientState() {
        PendingAuthorization pending = pending(randomKey(), null, null, NOW.plus(Duration.ofMinutes(10)));
        store.save(pending);

        assertThat(store.consume(pending.stateHash(), NOW)).contains(pending);
    }

    @Test
    void keepsAnIssuerThatIsKnownButNotPromised() {
        PendingAuthorization pending = pending(randomKey(), new ExpectedIssuer("https://as.example.com/t", false), null,
                NOW.plus(Duration.ofMinutes(10)));
        store.save(pending);

        assertThat(store.consume(pending.stateHash(), NOW)).contains(pending);
    }
}
