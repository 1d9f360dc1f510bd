package io.cioconnect.domain;

import static io.cioconnect.domain.DomainFixtures.NOW;
import static io.cioconnect.domain.DomainFixtures.activeConnection;
import static io.cioconnect.domain.DomainFixtures.assertFailsWith;
import static io.cioconnect.domain.DomainFixtures.tokens;
import static io.cioconnect.domain.DomainFixtures.tokensExpiringIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConnectionTest {

    private static final Instant LATER = NOW.plus(Duration.ofMinutes(30));

    @Test
    void startsActiveWithoutHistory() {
        Connection connection = activeConnection();

        assertThat(connection.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(connection.isActive()).isTrue();
        assertThat(connection.createdAt()).isEqualTo(NOW);
        assertThat(connection.updatedAt()).isEqualTo(NOW);
        assertThat(connection.lastRefreshedAt()).isNull();
        assertThat(connection.lastError()).isNull();
        assertThat(connection.refreshFailures()).isZero();
        assertThat(connection.version()).isZero();
    }

    @Test
    void reconnectingKeepsIdAndCreationTimeAndRepairsTheConnection() {
        Connection broken = activeConnection().withVersion(4).refreshFailed("timeout", NOW, NOW)
                .markReauthorizationRequired("invalid_grant", NOW);
        TokenSet fresh = tokens("access-2", "refresh-2", LATER.plusSeconds(3600), "full_access");

        Connection reconnected = broken.reconnected(fresh, LATER);

        assertThat(reconnected.id()).isEqualTo(broken.id());
        assertThat(reconnected.createdAt()).isEqualTo(NOW);
        assertThat(reconnected.updatedAt()).isEqualTo(LATER);
        assertThat(reconnected.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(reconnected.tokens()).isEqualTo(fresh);
        assertThat(reconnected.lastError()).isNull();
        assertThat(reconnected.refreshFailures()).isZero();
        assertThat(reconnected.version()).isEqualTo(4);
    }

    @Test
    void aRefreshClearsFailuresAndRecordsWhenItHappened() {
        Connection failing = activeConnection().refreshFailed("timeout", NOW, NOW).refreshFailed("HTTP 503", NOW, NOW);

        Connection refreshed = failing.refreshed(tokens("access-2", null, LATER.plusSeconds(3600), ""), LATER);

        assertThat(refreshed.refreshFailures()).isZero();
        assertThat(refreshed.lastError()).isNull();
        assertThat(refreshed.lastRefreshedAt()).isEqualTo(LATER);
        assertThat(refreshed.updatedAt()).isEqualTo(LATER);
        assertThat(refreshed.tokens().accessToken()).isEqualTo(new AccessToken("access-2"));
        assertThat(refreshed.tokens().refreshToken()).isEqualTo(new RefreshToken("refresh-1"));
        assertThat(refreshed.tokens().scopes()).isEqualTo(Scopes.parse("full_access"));
    }

    @Test
    void aFailedRefreshCountsAndKeepsStatusAndTokens() {
        Connection connection = activeConnection();

        Connection failed = connection.refreshFailed("timeout", LATER, LATER).refreshFailed("HTTP 503", LATER, LATER);

        assertThat(failed.refreshFailures()).isEqualTo(2);
        assertThat(failed.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(failed.tokens()).isEqualTo(connection.tokens());
        assertThat(failed.lastError()).isEqualTo("HTTP 503");
        assertThat(failed.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void aFailedRefreshBacksOffUntilTheGivenInstant() {
        Connection failed = activeConnection().refreshFailed("HTTP 503", NOW, LATER);

        assertThat(failed.nextRefreshAt()).isEqualTo(LATER);
        assertThat(failed.isBackingOff(NOW)).isTrue();
        assertThat(failed.isBackingOff(LATER.minusMillis(1))).isTrue();
        assertThat(failed.isBackingOff(LATER)).isFalse();
    }

    @Test
    void aClaimsLeaseAloneIsNoBackoff() {
        Connection claimed = activeConnection().withNextRefreshAt(LATER);

        assertThat(claimed.nextRefreshAt()).isEqualTo(LATER);
        assertThat(claimed.isBackingOff(NOW)).isFalse();
        assertThat(claimed.withVersion(3).nextRefreshAt()).isEqualTo(LATER);
    }

    @Test
    void aRefreshOrAReconnectEndsTheBackoff() {
        Connection failed = activeConnection().refreshFailed("timeout", NOW, LATER);
        TokenSet fresh = tokens("access-2", "refresh-2", LATER.plusSeconds(3600), "full_access");

        assertThat(failed.refreshed(fresh, NOW).nextRefreshAt()).isNull();
        assertThat(failed.reconnected(fresh, NOW).nextRefreshAt()).isNull();
        assertThat(failed.refreshed(fresh, NOW).isBackingOff(NOW)).isFalse();
    }

    @Test
    void losingTheGrantRequiresReauthorization() {
        Connection lost = activeConnection().markReauthorizationRequired("invalid_grant", LATER);

        assertThat(lost.status()).isEqualTo(ConnectionStatus.REAUTHORIZATION_REQUIRED);
        assertThat(lost.isActive()).isFalse();
        assertThat(lost.lastError()).isEqualTo("invalid_grant");
        assertThat(lost.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void markingAgainChangesNothing() {
        Connection lost = activeConnection().markReauthorizationRequired("invalid_grant", NOW);

        assertThat(lost.markReauthorizationRequired("another reason", LATER)).isSameAs(lost);
    }

    @Test
    void refusesARefreshOnAConnectionThatNeedsReauthorization() {
        Connection lost = activeConnection().markReauthorizationRequired("invalid_grant", NOW);

        assertFailsWith(ErrorCode.REAUTHORIZATION_REQUIRED,
                () -> lost.refreshed(tokensExpiringIn(Duration.ofHours(1)), LATER));
    }

    @Test
    void flattensTheLastErrorToOneLine() {
        Connection failed = activeConnection().refreshFailed("  upstream said:\r\n\tbad\u0000gateway\u007f \n", NOW, NOW);

        assertThat(failed.lastError()).isEqualTo("upstream said: bad gateway");
    }

    @Test
    void truncatesTheLastErrorTo300Characters() {
        Connection failed = activeConnection().refreshFailed("x".repeat(1000), NOW, NOW);

        assertThat(failed.lastError()).hasSize(Connection.MAX_ERROR_LENGTH).isEqualTo("x".repeat(300));
    }

    @Test
    void needsRefreshFollowsItsTokens() {
        assertThat(activeConnection().needsRefresh(NOW, Duration.ofMinutes(5))).isFalse();
        assertThat(activeConnection().needsRefresh(NOW.plus(Duration.ofMinutes(59)), Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void aRefreshWithoutAnswerIsAFailureThatRemembersTheTokenMayBeSpent() {
        Connection lost = activeConnection().refreshOutcomeLost("no answer within 10000 ms", NOW, LATER);

        assertThat(lost.refreshOutcomeUnknown()).isTrue();
        assertThat(lost.isActive()).isTrue();
        assertThat(lost.refreshFailures()).isEqualTo(1);
        assertThat(lost.nextRefreshAt()).isEqualTo(LATER);
        assertThat(lost.refreshFailed("HTTP 503", NOW, LATER).refreshOutcomeUnknown())
                .as("a later answered failure says nothing about the earlier request").isTrue();
        assertThat(activeConnection().refreshFailed("HTTP 503", NOW, LATER).refreshOutcomeUnknown()).isFalse();
    }

    @Test
    void invalidGrantRightAfterARefreshWithoutAnswerCountsAsPassingOnceThenAsALostGrant() {
        Connection lost = activeConnection().refreshOutcomeLost("no answer", NOW, NOW);

        Connection forgiven = lost.grantRefused("invalid_grant", LATER, LATER.plusSeconds(30));

        assertThat(forgiven.isActive()).isTrue();
        assertThat(forgiven.refreshOutcomeUnknown()).isFalse();
        assertThat(forgiven.refreshFailures()).isEqualTo(2);
        assertThat(forgiven.nextRefreshAt()).isEqualTo(LATER.plusSeconds(30));
        assertThat(forgiven.lastError()).contains("after a refresh that got no answer").contains("invalid_grant")
                .contains("passing once");
        Connection lostForGood = forgiven.grantRefused("invalid_grant", LATER, LATER);
        assertThat(lostForGood.status()).isEqualTo(ConnectionStatus.REAUTHORIZATION_REQUIRED);
        assertThat(lostForGood.lastError()).isEqualTo("invalid_grant");
    }

    @Test
    void invalidGrantWithoutAnEarlierLostAnswerIsALostGrant() {
        assertThat(activeConnection().grantRefused("invalid_grant", NOW, LATER).status())
                .isEqualTo(ConnectionStatus.REAUTHORIZATION_REQUIRED);
    }

    @Test
    void newTokensOrAReconnectForgetThatAnAnswerWasLost() {
        Connection lost = activeConnection().refreshOutcomeLost("no answer", NOW, NOW);
        TokenSet fresh = tokens("access-2", "refresh-2", LATER.plusSeconds(3600), "full_access");

        assertThat(lost.refreshed(fresh, LATER).refreshOutcomeUnknown()).isFalse();
        assertThat(lost.reconnected(fresh, LATER).refreshOutcomeUnknown()).isFalse();
    }

    @Test
    void takesTheVersionTheStoreAssigns() {
        Connection connection = activeConnection();

        assertThat(connection.withVersion(7).version()).isEqualTo(7);
        assertThat(connection.withVersion(7)).isEqualTo(connection.withVersion(8).withVersion(7));
    }

    @Test
    void rejectsNegativeCountersAndMissingParts() {
        Connection c = activeConnection();
        assertThatThrownBy(() -> c.withVersion(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Connection(c.id(), c.owner(), c.provider(), c.status(), c.tokens(), NOW, NOW,
                null, null, -1, null, false, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Connection(c.id(), c.owner(), c.provider(), null, c.tokens(), NOW, NOW,
                null, null, 0, null, false, 0)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void toStringNeverContainsTheTokens() {
        assertThat(activeConnection().toString()).doesNotContain("access-1").doesNotContain("refresh-1");
    }

    @Test
    void flattensUnicodeLineBreaksInTheLastError() {
        Connection failed = activeConnection().refreshFailed("one\u2028two\u0085three\u2029four", NOW, NOW);
        assertThat(failed.lastError()).isEqualTo("one two three four");
    }

    @Test
    void neverCutsASurrogatePairWhenTruncatingTheLastError() {
        String text = "x".repeat(Connection.MAX_ERROR_LENGTH - 1) + "\uD83D\uDE00" + "tail";
        Connection failed = activeConnection().refreshFailed(text, NOW, NOW);
        assertThat(failed.lastError()).hasSize(Connection.MAX_ERROR_LENGTH - 1).doesNotContain("\uD83D");
    }
}
