package io.cioconnect.application.contract;

import static io.cioconnect.application.Fixtures.CUSTOMERIO;
import static io.cioconnect.application.Fixtures.NOTHING_TO_REVOKE;
import static io.cioconnect.application.Fixtures.tokens;
import static io.cioconnect.application.contract.LeasedWrites.leaseOn;
import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.port.out.LeaseClaim;
import io.cioconnect.domain.AccessToken;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.TokenSet;
import io.cioconnect.domain.TokenType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@code ConnectionStore.claimDue}: which connections the background refresher gets, and when. */
public abstract class RefreshClaimContract extends RefreshLeaseContract {

    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final ProviderId OTHER = new ProviderId("other");

    private Connection expiringIn(String owner, Duration lifetime) {
        return stored(owner, CUSTOMERIO, tokens(NOW, lifetime));
    }

    private Connection stored(String owner, ProviderId provider, TokenSet tokens) {
        return store.saveConnected(Connection.connect(new ConnectionId(UUID.randomUUID()), new Owner(owner), provider,
                tokens, NOW), NOTHING_TO_REVOKE);
    }

    private List<Connection> claim(Instant now, int limit) {
        return claim(CUSTOMERIO, now, limit);
    }

    private List<Connection> claim(ProviderId provider, Instant now, int limit) {
        UUID holder = UUID.randomUUID();
        List<LeaseClaim.Claimed> claims = store.claimDue(provider, now, WINDOW, holder, now.plus(LEASE), limit);
        assertThat(claims).allSatisfy(claim -> {
            assertThat(claim.lease().holder()).isEqualTo(holder);
            assertThat(claim.lease().until()).isEqualTo(now.plus(LEASE));
            assertThat(claim.lease().id()).isEqualTo(claim.connection().id());
            assertThat(claim.lease().version()).isEqualTo(claim.connection().version());
        });
        return claims.stream().map(LeaseClaim.Claimed::connection).toList();
    }

    @Test
    void claimsConnectionsDueWithinTheWindowSoonestExpiryFirstUpToTheLimit() {
        Connection inFourMinutes = expiringIn("a", Duration.ofMinutes(4));
        Connection inOneMinute = expiringIn("b", Duration.ofMinutes(1));
        Connection expired = expiringIn("c", Duration.ofMinutes(-1));
        Connection atTheWindowsEnd = expiringIn("d", WINDOW);
        expiringIn("e", WINDOW.plusSeconds(1));

        assertThat(claim(NOW, 2)).containsExactly(expired, inOneMinute);
        assertThat(claim(NOW, 10)).containsExactly(inFourMinutes, atTheWindowsEnd);
        assertThat(claim(NOW, 10)).isEmpty();
    }

    @Test
    void claimsOnlyTheGivenProvidersConnections() {
        Connection mine = expiringIn("l", Duration.ofMinutes(1));
        Connection others = stored("l", OTHER, tokens(NOW, Duration.ofMinutes(1)));

        assertThat(claim(OTHER, NOW, 10)).containsExactly(others);
        assertThat(claim(NOW, 10)).containsExactly(mine);
    }

    @Test
    void neverClaimsConnectionsThatCannotOrNeedNotBeRefreshed() {
        stored("api-key", CUSTOMERIO, new TokenSet(new AccessToken("app-api-key"), null, TokenType.BEARER, null,
                Scopes.none()));
        stored("no-expiry", CUSTOMERIO, new TokenSet(new AccessToken("a"), new RefreshToken("r"), TokenType.BEARER, null,
                Scopes.none()));
        stored("no-refresh-token", CUSTOMERIO, new TokenSet(new AccessToken("a"), null, TokenType.BEARER,
                NOW.plusSeconds(60), Scopes.none()));
        Connection lost = expiringIn("lost", Duration.ofMinutes(1));
        LeasedWrites.write(store, lost.id(), NOW, current -> current.markReauthorizationRequired("invalid_grant", NOW));
        Connection fresh = expiringIn("fresh", Duration.ofHours(1));

        assertThat(claim(NOW, 10)).isEmpty();
        assertThat(claim(NOW.plus(Duration.ofDays(400)), 10)).containsExactly(fresh);
    }

    @Test
    void aClaimLeasesTheConnectionUntilTheLeaseEndsAndLeavesItOtherwiseUnchanged() {
        Connection due = expiringIn("f", Duration.ofMinutes(1));

        assertThat(claim(NOW, 10)).containsExactly(due);

        assertThat(store.findById(due.id())).contains(due);
        assertThat(store.claimRefresh(leaseOn(due, NOW), NOW)).isEqualTo(new LeaseClaim.Busy(NOW.plus(LEASE)));
        assertThat(claim(NOW.plus(LEASE).minusSeconds(1), 10)).isEmpty();
        assertThat(claim(NOW.plus(LEASE), 10)).containsExactly(due);
    }

    @Test
    void skipsAConnectionAnAccessTokenCallerHoldsTheLeaseOf() {
        Connection busy = expiringIn("i", Duration.ofMinutes(1));
        Connection free = expiringIn("j", Duration.ofMinutes(2));
        LeaseClaim held = store.claimRefresh(leaseOn(busy, NOW), NOW);

        assertThat(claim(NOW, 10)).containsExactly(free);
        store.releaseRefresh(((LeaseClaim.Claimed) held).lease());
        assertThat(claim(NOW, 10)).containsExactly(busy);
    }

    @Test
    void aConnectionBackingOffIsClaimedOnlyWhenItsBackoffEnds() {
        Connection due = expiringIn("g", Duration.ofMinutes(1));
        Instant retryAt = NOW.plus(Duration.ofMinutes(10));
        Connection failed = LeasedWrites.write(store, due.id(), NOW, current -> current.refreshFailed("HTTP 503", NOW,
                retryAt));

        assertThat(store.findById(due.id()).orElseThrow().nextRefreshAt()).isEqualTo(retryAt);
        assertThat(claim(NOW.plus(Duration.ofMinutes(9)), 10)).isEmpty();
        assertThat(claim(retryAt, 10)).containsExactly(failed);
    }

    @Test
    void aRefreshOrAReconnectEndsTheBackoff() {
        Connection due = expiringIn("h", Duration.ofMinutes(1));
        LeasedWrites.write(store, due.id(), NOW, current -> current.refreshFailed("timeout", NOW, NOW.plusSeconds(600)));

        Connection refreshed = LeasedWrites.write(store, due.id(), NOW,
                current -> current.refreshed(tokens(NOW, Duration.ofMinutes(2)), NOW));
        assertThat(refreshed.nextRefreshAt()).isNull();
        assertThat(claim(NOW, 10)).containsExactly(refreshed);

        Connection reconnected = store.saveConnected(Connection.connect(new ConnectionId(UUID.randomUUID()),
                new Owner("h"), CUSTOMERIO, tokens(NOW, Duration.ofMinutes(1)), NOW), NOTHING_TO_REVOKE);
        assertThat(reconnected.nextRefreshAt()).isNull();
        assertThat(store.findById(due.id()).orElseThrow().nextRefreshAt()).isNull();
        assertThat(claim(NOW, 10)).containsExactly(reconnected);
    }

    @Test
    void keepsTheMarkOfALostAnswerUntilNewTokensArrive() {
        Connection due = expiringIn("m", Duration.ofMinutes(1));

        Connection lost = LeasedWrites.write(store, due.id(), NOW,
                current -> current.refreshOutcomeLost("no answer", NOW, NOW));

        assertThat(lost.refreshOutcomeUnknown()).isTrue();
        assertThat(store.findById(due.id())).contains(lost);
        Connection refreshed = LeasedWrites.write(store, due.id(), NOW,
                current -> current.refreshed(tokens(NOW, Duration.ofHours(1)), NOW));
        assertThat(store.findById(due.id()).orElseThrow().refreshOutcomeUnknown()).isFalse();
        assertThat(refreshed.refreshOutcomeUnknown()).isFalse();
    }
}
