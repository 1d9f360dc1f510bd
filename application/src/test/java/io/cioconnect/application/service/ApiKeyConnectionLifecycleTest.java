package io.cioconnect.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cioconnect.application.TestCore;
import io.cioconnect.application.port.in.ConnectionSummary;
import io.cioconnect.application.port.in.GetAccessTokenUseCase;
import io.cioconnect.application.port.in.GetAccessTokenUseCase.IssuedToken;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.ConnectionStatus;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;
import io.cioconnect.domain.TokenType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a host application sees of a key connection afterwards: the key, forever, until it deletes it. */
class ApiKeyConnectionLifecycleTest {

    private final TestCore core = TestCore.create();
    private final ConnectionId id = new KeySteps(core).connect("alice", KeySteps.VALID_KEY, "eu");

    @Test
    void accessTokenHandsOutTheKeyAsABearerTokenWithoutExpiry() {
        IssuedToken token = core.getAccessToken.get(new GetAccessTokenUseCase.Command(id, false));

        assertThat(token.accessToken().value()).isEqualTo(KeySteps.VALID_KEY);
        assertThat(token.tokenType()).isEqualTo(TokenType.BEARER);
        assertThat(token.expiresAt()).isNull();
        assertThat(token.scopes().render()).isEqualTo("region:eu");
    }

    @Test
    void neitherTimeNorAForcedRefreshEverAsksAProvider() {
        core.clock.advance(Duration.ofDays(400));

        IssuedToken forced = core.getAccessToken.get(new GetAccessTokenUseCase.Command(id, true));

        assertThat(forced.accessToken().value()).isEqualTo(KeySteps.VALID_KEY);
        assertThat(core.provider.refreshCount()).isZero();
        assertThat(core.fakeKeyVerifier().checkCount()).isEqualTo(1);
        assertThat(core.getConnection.get(id).status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void theBackgroundRefresherNeverClaimsAKeyConnection() {
        core.clock.advance(Duration.ofDays(400));

        core.providers.descriptors().forEach(provider ->
                assertThat(core.refreshDueConnections.refreshDue(provider.id()).claimed()).isZero());
        assertThat(core.provider.refreshCount()).isZero();
    }

    @Test
    void metadataNamesTheRegionAndNoExpiry() {
        ConnectionSummary summary = core.getConnection.get(id);

        assertThat(summary.provider()).isEqualTo(KeySteps.APP_API);
        assertThat(summary.scopes().render()).isEqualTo("region:eu");
        assertThat(summary.accessTokenExpiresAt()).isNull();
    }

    @Test
    void deletingDestroysTheKeyAndQueuesNoRevocation() {
        core.disconnect.disconnect(id);

        assertThat(core.connections.findById(id)).isEmpty();
        assertThat(core.revocations.size()).isZero();
        assertThat(core.provider.revocationCount()).isZero();
        assertThatThrownBy(() -> core.getAccessToken.get(new GetAccessTokenUseCase.Command(id, false)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }
}
