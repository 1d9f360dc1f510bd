package io.cioconnect.application.service;

import static io.cioconnect.application.Fixtures.NOTHING_TO_REVOKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cioconnect.application.FakeOAuthProvider;
import io.cioconnect.application.TestCore;
import io.cioconnect.application.TestRandom;
import io.cioconnect.application.port.in.GetAccessTokenUseCase.Command;
import io.cioconnect.application.port.in.GetAccessTokenUseCase.IssuedToken;
import io.cioconnect.application.port.out.ChangeAnnouncer;
import io.cioconnect.application.port.out.ProviderFailure;
import io.cioconnect.application.port.out.ProviderFailure.Kind;
import io.cioconnect.application.port.out.RefreshMetrics.Outcome;
import io.cioconnect.application.port.out.RefreshMetrics.Trigger;
import io.cioconnect.application.port.out.TokenResult;
import io.cioconnect.domain.AccessToken;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.ConnectionStatus;
import io.cioconnect.domain.DomainException;
import io.cioconnect.domain.ErrorCode;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.TokenSet;
import io.cioconnect.domain.TokenType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GetAccessTokenServiceTest {

    /** Inside the 60 s refresh skew of a token issued for an hour. */
    private static final Duration ALMOST_EXPIRED = FakeOAuthProvider.TOKEN_LIFETIME.minusSeconds(30);

    private final TestCore core = TestCore.create();
    private final ConnectionId id = core.connect("alice");

    private IssuedToken get(boolean force) {
        return core.getAccessToken.get(new Command(id, force));
    }

    private Connection stored() {
        return core.connections.findById(id).orElseThrow();
    }

    private static void assertFailsWith(ErrorCode code, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static TokenResult failure(Kind kind, Duration retryAfter) {
        return new TokenResult.Failed(new ProviderFailure(kind, kind.name(), retryAfter));
    }

    @Test
    void handsOutAFreshTokenWithoutAskingTheProvider() {
        IssuedToken token = get(false);

        assertThat(token.accessToken().value()).isEqualTo("access-1");
        assertThat(token.tokenType()).isEqualTo(TokenType.BEARER);
        assertThat(token.scopes()).isEqualTo(Scopes.parse("full_access"));
        assertThat(core.provider.refreshCount()).isZero();
    }

    @Test
    void refreshesATokenThatExpiresWithinTheSkewAndStoresTheRotatedRefreshToken() {
        core.clock.advance(ALMOST_EXPIRED);

        IssuedToken token = get(false);

        assertThat(token.accessToken().value()).isEqualTo("access-2");
        assertThat(core.provider.refreshedTokens).extracting(t -> t.value()).containsExactly("refresh-1");
        assertThat(stored().tokens().refreshToken().value()).isEqualTo("refresh-2");
        assertThat(stored().lastRefreshedAt()).isEqualTo(core.clock.instant());
    }

    @Test
    void refreshesOnDemandWhenForced() {
        assertThat(get(true).accessToken().value()).isEqualTo("access-2");
        assertThat(core.provider.refreshCount()).isEqualTo(1);
    }

    @Test
    void keepsTheRefreshTokenWhenTheProviderDoesNotRotateIt() {
        core.provider.refreshResults.add(new TokenResult.Issued(new TokenSet(new AccessToken("access-unrotated"), null,
                TokenType.BEARER, core.clock.instant().plus(Duration.ofHours(1)), Scopes.none())));

        get(true);
        get(true);

        assertThat(core.provider.refreshedTokens).extracting(t -> t.value()).containsExactly("refresh-1", "refresh-1");
    }

    @Test
    void marksTheConnectionForReauthorizationOnInvalidGrantAndStopsCallingTheProvider() {
        core.provider.refreshResults.add(failure(Kind.INVALID_GRANT, null));

        assertFailsWith(ErrorCode.REAUTHORIZATION_REQUIRED, () -> get(true));
        assertFailsWith(ErrorCode.REAUTHORIZATION_REQUIRED, () -> get(true));

        assertThat(stored().status()).isEqualTo(ConnectionStatus.REAUTHORIZATION_REQUIRED);
        assertThat(stored().lastError()).contains("INVALID_GRANT");
        assertThat(core.provider.refreshCount()).isEqualTo(1);
    }

    @Test
    void servesTheStillValidTokenWhileTheProviderIsFailing() {
        core.clock.advance(ALMOST_EXPIRED);
        core.provider.refreshResults.add(failure(Kind.UNAVAILABLE, null));

        assertThat(get(false).accessToken().value()).isEqualTo("access-1");
        assertThat(stored().status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(stored().lastError()).contains("UNAVAILABLE");
        assertThat(stored().refreshFailures()).isEqualTo(1);
    }

    @Test
    void answersProviderUnavailableWithRetryAfterOnceTheTokenHasExpired() {
        core.clock.advance(FakeOAuthProvider.TOKEN_LIFETIME);
        core.provider.refreshResults.add(failure(Kind.RATE_LIMITED, Duration.ofSeconds(7)));
        core.provider.refreshResults.add(failure(Kind.UNAVAILABLE, null));

        assertThatThrownBy(() -> get(false)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        });
        assertThatThrownBy(() -> get(false)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.retryAfter()).contains(GetAccessTokenService.DEFAULT_RETRY_AFTER));
        assertThat(stored().status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void neverMarksTheConnectionBrokenForClientErrors() {
        core.clock.advance(ALMOST_EXPIRED);
        core.provider.refreshResults.add(failure(Kind.INVALID_CLIENT, null));
        core.provider.refreshResults.add(failure(Kind.INVALID_RESPONSE, null));

        get(false);
        get(true);

        assertThat(stored().status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(stored().refreshFailures()).isEqualTo(2);
    }

    @Test
    void servesTheStillValidTokenWithoutAskingTheProviderAgainWhileBackingOff() {
        core.clock.advance(ALMOST_EXPIRED);
        core.provider.refreshResults.add(failure(Kind.UNAVAILABLE, null));
        get(false);

        core.clock.advance(Duration.ofSeconds(10));

        assertThat(get(false).accessToken().value()).isEqualTo("access-1");
        assertThat(core.provider.refreshCount()).isEqualTo(1);
    }

    @Test
    void asksTheProviderAgainOnceTheBackoffEnds() {
        core.clock.advance(FakeOAuthProvider.TOKEN_LIFETIME.minusSeconds(55));
        core.provider.refreshResults.add(failure(Kind.UNAVAILABLE, null));
        get(false);

        core.clock.advance(core.refreshSettings.backoff().base());

        assertThat(get(false).accessToken().value()).isEqualTo("access-2");
        assertThat(core.provider.refreshCount()).isEqualTo(2);
    }

    @Test
    void recordsTheBackoffAndWhyInTheLastError() {
        core.clock.advance(ALMOST_EXPIRED);
        core.provider.refreshResults.add(failure(Kind.UNAVAILABLE, null));

        get(false);

        Duration base = core.refreshSettings.backoff().base();
        assertThat(stored().nextRefreshAt()).isBetween(core.clock.instant().plus(base.dividedBy(2)),
                core.clock.instant().plus(base));
        assertThat(stored().lastError())
                .startsWith("refresh failed 1 time in a row, next attempt after " + stored().nextRefreshAt())
                .endsWith(": UNAVAILABLE");
    }

    @Test
    void backsOffAtLeastAsLongAsTheProviderAsked() {
        core.provider.refreshResults.add(failure(Kind.RATE_LIMITED, Duration.ofMinutes(10)));

        get(true);

        assertThat(stored().nextRefreshAt()).isEqualTo(core.clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    void countsOnDemandRefreshesByOutcome() {
        core.provider.refreshResults.add(failure(Kind.UNAVAILABLE, null));
        get(true);
        get(true);
        core.provider.refreshResults.add(failure(Kind.INVALID_GRANT, null));
        assertFailsWith(ErrorCode.REAUTHORIZATION_REQUIRED, () -> get(true));

        assertThat(core.refreshMetrics.count(Trigger.ON_DEMAND, Outcome.FAILED)).isEqualTo(1);
        assertThat(core.refreshMetrics.count(Trigger.ON_DEMAND, Outcome.REFRESHED)).isEqualTo(1);
        assertThat(core.refreshMetrics.count(Trigger.ON_DEMAND, Outcome.REAUTHORIZATION_REQUIRED)).isEqualTo(1);
        assertThat(core.refreshMetrics.count(Trigger.BACKGROUND, Outcome.REFRESHED)).isZero();
    }

    @Test
    void clearsTheLastErrorAfterASuccessfulRefresh() {
        core.provider.refreshResults.add(failure(Kind.UNAVAILABLE, null));
        get(true);

        get(true);

        assertThat(stored().lastError()).isNull();
        assertThat(stored().refreshFailures()).isZero();
    }

    @Test
    void anInvalidGrantRightAfterARefreshThatGotNoAnswerIsPassingOnceAndRecordedThenALostGrant() {
        core.clock.advance(ALMOST_EXPIRED);
        core.provider.refreshResults.add(new TokenResult.Failed(ProviderFailure.unanswered("no answer within 10000 ms")));
        core.provider.refreshResults.add(failure(Kind.INVALID_GRANT, null));
        core.provider.refreshResults.add(failure(Kind.INVALID_GRANT, null));

        assertThat(get(false).accessToken().value()).as("no answer: the working token").isEqualTo("access-1");
        assertThat(stored().refreshOutcomeUnknown()).isTrue();
        assertThat(get(true).accessToken().value()).as("invalid_grant after no answer: passing").isEqualTo("access-1");

        Connection forgiven = stored();
        assertThat(forgiven.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(forgiven.refreshOutcomeUnknown()).isFalse();
        assertThat(forgiven.lastError()).contains("after a refresh that got no answer").contains("INVALID_GRANT")
                .contains("passing once");
        assertThat(core.refreshMetrics.count(Trigger.ON_DEMAND, Outcome.FAILED)).isEqualTo(2);
        assertFailsWith(ErrorCode.REAUTHORIZATION_REQUIRED, () -> get(true));
        assertThat(core.provider.refreshCount()).isEqualTo(3);
    }

    @Test
    void anExpiredTokenWhoseRefreshGotNoAnswerIsUnavailableNotLost() {
        core.clock.advance(FakeOAuthProvider.TOKEN_LIFETIME);
        core.provider.refreshResults.add(new TokenResult.Failed(ProviderFailure.unanswered("connection reset")));
        core.provider.refreshResults.add(failure(Kind.INVALID_GRANT, null));

        assertFailsWith(ErrorCode.PROVIDER_UNAVAILABLE, () -> get(false));
        assertFailsWith(ErrorCode.PROVIDER_UNAVAILABLE, () -> get(true));

        assertThat(stored().status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(core.provider.refreshCount()).as("one request per call, none repeated in line").isEqualTo(2);
    }

    @Test
    void capsTheWaitHandedToTheHostWhateverTheProviderAsked() {
        core.clock.advance(FakeOAuthProvider.TOKEN_LIFETIME);
        core.provider.refreshResults.add(failure(Kind.RATE_LIMITED, Duration.ofDays(1)));

        assertThatThrownBy(() -> get(false)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(300)));
    }

    @Test
    void turnsACallerAwayAtOnceWhenTheProvidersBulkheadIsFull() {
        ProviderHook provider = new ProviderHook(core.provider);
        ConnectionRefresher oneAtATime = new ConnectionRefresher(core.connections, ChangeAnnouncer.NONE, provider,
                new TestRandom(),
                core.clock, core.refreshSettings.withConcurrency(1), core.refreshMetrics);
        GetAccessTokenService service = new GetAccessTokenService(core.connections, oneAtATime, core.clock, core.settings);
        ConnectionId other = core.connect("bob");
        core.clock.advance(FakeOAuthProvider.TOKEN_LIFETIME);
        List<Throwable> turnedAway = new ArrayList<>();
        provider.duringRefresh = () -> turnedAway.add(catchThrowable(() -> service.get(new Command(other, false))));

        assertThat(service.get(new Command(id, false)).accessToken().value()).isEqualTo("access-3");

        assertThat(turnedAway).singleElement().isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(e.retryAfter()).contains(OnDemandRefresh.RETRY_AFTER);
        });
        assertThat(core.refreshMetrics.count(Trigger.ON_DEMAND, Outcome.REJECTED)).isEqualTo(1);
        assertThat(core.provider.refreshCount()).isEqualTo(1);
        assertThat(service.get(new Command(other, false)).accessToken().value()).as("a place again").isEqualTo("access-4");
    }

    @Test
    void answersNotFoundForAnUnknownOrDeletedConnection() {
        assertFailsWith(ErrorCode.NOT_FOUND, () -> core.getAccessToken.get(new Command(new ConnectionId(UUID.randomUUID()), false)));
        core.disconnect.disconnect(id);
        assertFailsWith(ErrorCode.NOT_FOUND, () -> get(false));
    }

    @Test
    void neverRefreshesACredentialWithoutExpiry() {
        Connection apiKey = core.connections.saveConnected(Connection.connect(new ConnectionId(UUID.randomUUID()),
                new Owner("bob"), new ProviderId("customerio"),
                new TokenSet(new AccessToken("app-api-key"), null, TokenType.BEARER, null, Scopes.none()), core.clock.instant()), NOTHING_TO_REVOKE);
        core.clock.advance(Duration.ofDays(400));

        IssuedToken token = core.getAccessToken.get(new Command(apiKey.id(), false));

        assertThat(token.accessToken().value()).isEqualTo("app-api-key");
        assertThat(token.expiresAt()).isNull();
        assertThat(core.provider.refreshCount()).isZero();
    }

    @Test
    void requiresReauthorizationWhenAnExpiredTokenHasNoRefreshToken() {
        Connection noRefresh = core.connections.saveConnected(Connection.connect(new ConnectionId(UUID.randomUUID()),
                new Owner("carol"), new ProviderId("customerio"), new TokenSet(new AccessToken("short-lived"), null,
                        TokenType.BEARER, core.clock.instant().plusSeconds(30), Scopes.none()), core.clock.instant()), NOTHING_TO_REVOKE);

        assertThat(core.getAccessToken.get(new Command(noRefresh.id(), false)).accessToken().value()).isEqualTo("short-lived");
        core.clock.advance(Duration.ofSeconds(30));
        assertFailsWith(ErrorCode.REAUTHORIZATION_REQUIRED, () -> core.getAccessToken.get(new Command(noRefresh.id(), false)));
        assertThat(core.provider.refreshCount()).isZero();
    }
}
