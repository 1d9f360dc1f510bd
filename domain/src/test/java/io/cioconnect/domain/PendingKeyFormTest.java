package io.cioconnect.domain;

import static io.cioconnect.domain.DomainFixtures.NOW;
import static io.cioconnect.domain.DomainFixtures.OWNER;
import static io.cioconnect.domain.DomainFixtures.bytes;
import static io.cioconnect.domain.DomainFixtures.returnTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PendingKeyFormTest {

    private static final ProviderId APP_API = new ProviderId("customerio-app-api");

    private final BrowserBinding binding = BrowserBinding.fromRandom(bytes(32, 1));
    private final FormToken token = FormToken.fromRandom(bytes(32, 2));
    private final ConnectSession session = new ConnectSession(UUID.randomUUID(),
            ConnectTicket.fromRandom(bytes(32, 3)).hash(), OWNER, APP_API, returnTo(), new ClientState("host-42"),
            Scopes.none(), NOW, NOW.plus(Duration.ofMinutes(10)));

    @Test
    void opensForTheSessionsOwnerReturnAndClientState() {
        PendingKeyForm form = PendingKeyForm.open(session, token.hash(), binding.hash(), NOW, NOW.plusSeconds(600));

        assertThat(form.tokenHash()).isEqualTo(token.hash());
        assertThat(form.owner()).isEqualTo(OWNER);
        assertThat(form.provider()).isEqualTo(APP_API);
        assertThat(form.returnTo()).isEqualTo(session.returnTo());
        assertThat(form.clientState()).isEqualTo(new ClientState("host-42"));
        assertThat(form.isBoundTo(new BrowserBinding(binding.value()))).isTrue();
        assertThat(form.isBoundTo(BrowserBinding.fromRandom(bytes(32, 9)))).isFalse();
        assertThat(form.isBoundTo(null)).isFalse();
    }

    @Test
    void aReissuedFormHasANewTokenAndKeepsItsBrowserAndExpiry() {
        PendingKeyForm form = PendingKeyForm.open(session, token.hash(), binding.hash(), NOW, NOW.plusSeconds(600));
        SecretHash next = FormToken.fromRandom(bytes(32, 4)).hash();

        PendingKeyForm again = form.reissued(next);

        assertThat(again.tokenHash()).isEqualTo(next);
        assertThat(again).isEqualTo(new PendingKeyForm(next, form.browserBindingHash(), form.owner(), form.provider(),
                form.returnTo(), form.clientState(), form.createdAt(), form.expiresAt()));
    }

    @Test
    void expiresAtItsExpiryInstantAndMustExpireAfterItIsCreated() {
        PendingKeyForm form = PendingKeyForm.open(session, token.hash(), binding.hash(), NOW, NOW.plusSeconds(600));

        assertThat(form.isExpired(NOW.plusSeconds(599))).isFalse();
        assertThat(form.isExpired(NOW.plusSeconds(600))).isTrue();
        assertThatThrownBy(() -> PendingKeyForm.open(session, token.hash(), binding.hash(), NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNeverContainsHashes() {
        PendingKeyForm form = PendingKeyForm.open(session, token.hash(), binding.hash(), NOW, NOW.plusSeconds(600));

        assertThat(form.toString()).doesNotContain(token.hash().hex()).doesNotContain(binding.hash().hex())
                .doesNotContain("host-42").contains("customerio-app-api", "user-42");
    }
}
