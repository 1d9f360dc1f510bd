package io.cioconnect.application.contract;

import static io.cioconnect.application.Fixtures.CUSTOMERIO;
import static io.cioconnect.application.Fixtures.NOTHING_TO_REVOKE;
import static io.cioconnect.application.Fixtures.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.port.out.ConnectionStore.RefreshClaim;
import io.cioconnect.domain.AccessToken;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.Owner;
import io.cioconnect.domain.RefreshToken;
import io.cioconnect.domain.Scopes;
import io.cioconnect.domain.TokenSet;
import io.cioconnect.domain.TokenType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@code ConnectionStore.claimForRefresh}: which connections the background refresher gets, and when. */
public abstract class RefreshClaimContract extends ConnectionStoreContract {

    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private Connection expiringIn(String owner, Duration lifetime) {
        return store.saveConnected(Connection.connect(new ConnectionId(UUID.randomUUID()), new Owner(owner), CUSTOMERIO,
                tokens(NOW, lifetime), NOW), NOTHING_TO_REVOKE);
    }

    private Connection stored(String owner, TokenSet tokens) {
        return store.saveConnected(Connection.connect(new ConnectionId(UUID.randomUUID()), new Owner(owner), CUSTOMERIO,
                tokens, NOW), NOTHING_TO_REVOKE);
    }

    private List<RefreshClaim> claim(Instant now, int limit) {
        return store.claimForRefresh(now, WINDOW, LEASE, limit);
    }

    private static RefreshClaim claimOf(Connection connection) {
        return new RefreshClaim(connection.id(), connection.version());
    }

    @Test
    void claimsConnectionsDueWithinTheWindowSoonestExpiryFirstUpToTheLimit() {
        Connection inFourMinutes = expiringIn("a", Duration.ofMinutes(4));
        Connection inOneMinute = expiringIn("b", Duration.ofMinutes(1));
        Connection expired = expiringIn("c", Duration.ofMinutes(-1));
        Connection atTheWindowsEnd = expiringIn("d", WINDOW);
        expiringIn("e", WINDOW.plusSeconds(1));

        assertThat(claim(NOW, 2)).containsExactly(claimOf(expired), claimOf(inOneMinute));
        assertThat(claim(NOW, 10)).containsExactly(claimOf(inFourMinutes), claimOf(atTheWindowsEnd));
        assertThat(claim(NOW, 10)).isEmpty();
    }

    @Test
    void neverClaimsConnectionsThatCannotOrNeedNotBeRefreshed() {
        stored("api-key", new TokenSet(new AccessToken("app-api-key"), null, TokenType.BEARER, null, Scopes.none()));
        stored("no-expiry", new TokenSet(new AccessToken("a"), new RefreshToken("r"), TokenType.BEARER, null, Scopes.none()));
        stored("no-refresh-token", new TokenSet(new AccessToken("a"), null, TokenType.BEARER, NOW.plusSeconds(60),
                Scopes.none()));
        Connection lost = expiringIn("lost", Duration.ofMinutes(1));
        store.withRefreshLock(lost.id(), Duration.ofSeconds(5), locked ->
                locked.save(locked.current().orElseThrow().markReauthorizationRequired("invalid_grant", NOW)));
        Connection fresh = expiringIn("fresh", Duration.ofHours(1));

        assertThat(claim(NOW, 10)).isEmpty();
        assertThat(claim(NOW.plus(Duration.ofDays(400)), 10)).containsExactly(claimOf(fresh));
    }

    @Test
    void aClaimHidesTheConnectionUntilItsLeaseEndsAndLeavesItOtherwiseUnchanged() {
        Connection due = expiringIn("f", Duration.ofMinutes(1));

        assertThat(claim(NOW, 10)).containsExactly(claimOf(due));

        assertThat(store.findById(due.id())).contains(due.withNextRefreshAt(NOW.plus(LEASE)));
        assertThat(claim(NOW.plus(LEASE).minusSeconds(1), 10)).isEmpty();
        assertThat(claim(NOW.plus(LEASE), 10)).containsExactly(claimOf(due));
    }

    @Test
    void aConnectionBackingOffIsClaimedOnlyWhenItsBackoffEnds() {
        Connection due = expiringIn("g", Duration.ofMinutes(1));
        Instant retryAt = NOW.plus(Duration.ofMinutes(10));
        Connection failed = store.withRefreshLock(due.id(), Duration.ofSeconds(5), locked ->
                locked.save(locked.current().orElseThrow().refreshFailed("HTTP 503", NOW, retryAt)));

        assertThat(store.findById(due.id()).orElseThrow().nextRefreshAt()).isEqualTo(retryAt);
        assertThat(claim(NOW.plus(Duration.ofMinutes(9)), 10)).isEmpty();
        assertThat(claim(retryAt, 10)).containsExactly(claimOf(failed));
    }

    @Test
    void aRefreshOrAReconnectEndsTheBackoff() {
        Connection due = expiringIn("h", Duration.ofMinutes(1));
        store.withRefreshLock(due.id(), Duration.ofSeconds(5), locked ->
                locked.save(locked.current().orElseThrow().refreshFailed("timeout", NOW, NOW.plusSeconds(600))));

        Connection refreshed = store.withRefreshLock(due.id(), Duration.ofSeconds(5), locked ->
                locked.save(locked.current().orElseThrow().refreshed(tokens(NOW, Duration.ofMinutes(2)), NOW)));
        assertThat(refreshed.nextRefreshAt()).isNull();
        assertThat(claim(NOW, 10)).containsExactly(claimOf(refreshed));

        Connection reconnected = store.saveConnected(Connection.connect(new ConnectionId(UUID.randomUUID()),
                new Owner("h"), CUSTOMERIO, tokens(NOW, Duration.ofMinutes(1)), NOW), NOTHING_TO_REVOKE);
        assertThat(reconnected.nextRefreshAt()).isNull();
        assertThat(store.findById(due.id()).orElseThrow().nextRefreshAt()).isNull();
        assertThat(claim(NOW, 10)).containsExactly(claimOf(reconnected));
    }

    @Test
    void skipsAConnectionWhoseRefreshLockIsHeldInsteadOfWaiting() throws Exception {
        Connection busy = expiringIn("i", Duration.ofMinutes(1));
        Connection free = expiringIn("j", Duration.ofMinutes(2));
        LockHolder holder = LockHolder.hold(store, busy.id());
        try {
            assertThat(claim(NOW, 10)).containsExactly(claimOf(free));
        } finally {
            holder.release();
        }
        assertThat(claim(NOW, 10)).containsExactly(claimOf(busy));
    }
}
