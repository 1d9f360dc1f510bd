package io.cioconnect.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cioconnect.application.FakeOAuthProvider;
import io.cioconnect.application.TestCore;
import io.cioconnect.application.port.out.ProviderDescriptor;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderFailure.Kind;
import io.cioconnect.application.port.out.RevocationResult;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;
import io.cioconnect.domain.RevocableToken;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DisconnectServiceTest {

    private final TestCore core = TestCore.create();
    private final ConnectionId id = core.connect("alice");

    private static RevocationResult failure(Kind kind) {
        return new RevocationResult.Failed(ProviderFailure.of(kind, kind.name()));
    }

    @Test
    void destroysTheCredentialsAndRevokesTheRefreshToken() {
        core.disconnect.disconnect(id);

        assertThat(core.connections.findById(id)).isEmpty();
        assertThat(core.provider.revokedTokens).containsExactly(new RevocableToken("refresh-1", RevocableToken.Hint.REFRESH_TOKEN));
        assertThat(core.revocations.size()).isZero();
        assertThatThrownBy(() -> core.getConnection.get(id)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void isIdempotent() {
        core.disconnect.disconnect(id);
        core.disconnect.disconnect(id);

        assertThat(core.provider.revocationCount()).isEqualTo(1);
    }

    @Test
    void retriesTheRevocationLaterWhileTheProviderIsDown() {
        core.provider.revocationResults.add(failure(Kind.UNAVAILABLE));

        core.disconnect.disconnect(id);

        assertThat(core.connections.findById(id)).isEmpty();
        assertThat(core.revocations.size()).isEqualTo(1);
        assertThat(core.retryRevocations.retryDue()).isZero();
        core.clock.advance(Duration.ofMinutes(1));
        assertThat(core.retryRevocations.retryDue()).isEqualTo(1);
        assertThat(core.provider.revocationCount()).isEqualTo(2);
        assertThat(core.revocations.size()).isZero();
    }

    @Test
    void dropsARevocationTheProviderRefuses() {
        core.provider.revocationResults.add(failure(Kind.REJECTED));

        core.disconnect.disconnect(id);

        assertThat(core.revocations.size()).isZero();
    }

    @Test
    void revokesNothingWhenTheProviderCannot() {
        TestCore noRevocation = TestCore.create(new ProviderDescriptor(FlowSteps.CUSTOMERIO,
                FakeOAuthProvider.CUSTOMERIO.allowedScopes(), null, false));
        ConnectionId connection = noRevocation.connect("bob");

        noRevocation.disconnect.disconnect(connection);

        assertThat(noRevocation.connections.findById(connection)).isEmpty();
        assertThat(noRevocation.provider.revocationCount()).isZero();
        assertThat(noRevocation.revocations.size()).isZero();
    }
}
