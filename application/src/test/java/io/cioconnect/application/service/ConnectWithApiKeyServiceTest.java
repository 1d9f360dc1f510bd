package io.cioconnect.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cioconnect.application.FakeApiKeyVerifier;
import io.cioconnect.application.FakeApiKeyVerifier.Check;
import io.cioconnect.application.TestCore;
import io.cioconnect.application.TestRandom;
import io.cioconnect.application.port.in.BeginApiKeyConnectionUseCase.ApiKeyFormStarted;
import io.cioconnect.application.port.in.ConnectWithApiKeyUseCase.Ended;
import io.cioconnect.application.port.in.ConnectWithApiKeyUseCase.Problem;
import io.cioconnect.application.port.in.ConnectWithApiKeyUseCase.SubmissionOutcome;
import io.cioconnect.application.port.in.ConnectWithApiKeyUseCase.TryAgain;
import io.cioconnect.application.port.in.FlowEnd;
import io.cioconnect.application.port.in.FlowEnd.Connected;
import io.cioconnect.application.port.in.FlowEnd.Failed;
import io.cioconnect.application.port.in.FlowEnd.Unidentified;
import io.cioconnect.application.port.out.ApiKeyVerification;
import io.cioconnect.domain.AppApiKey;
import io.cioconnect.domain.AppApiRegion;
import io.cioconnect.domain.BrowserBinding;
import io.cioconnect.domain.ClientState;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionFilter;
import io.cioconnect.domain.FlowError;
import io.cioconnect.domain.Owner;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectWithApiKeyServiceTest {

    private static final String KEY = KeySteps.VALID_KEY;

    private final TestCore core = TestCore.create();
    private final FakeApiKeyVerifier verifier = core.fakeKeyVerifier();
    private final KeySteps steps = new KeySteps(core);
    private final ApiKeyFormStarted started = steps.start("alice");

    private SubmissionOutcome submit(String key, String region) {
        return steps.submit(started.form(), started.browserBinding(), key, region);
    }

    /** How the flow ended; fails when the form came back instead. */
    private static FlowEnd ended(SubmissionOutcome outcome) {
        assertThat(outcome).isInstanceOf(Ended.class);
        return ((Ended) outcome).end();
    }

    @Test
    void anAcceptedKeyIsStoredAsANonExpiringBearerTokenAndTheBrowserSentBack() {
        FlowEnd outcome = ended(submit(KEY, "eu"));

        assertThat(outcome).isInstanceOf(Connected.class);
        Connected connected = (Connected) outcome;
        assertThat(connected.redirectTo().toString()).isEqualTo(
                "https://app.example.com/settings?connection_id=" + connected.connectionId() + "&status=connected");
        Connection stored = core.connections.findById(connected.connectionId()).orElseThrow();
        assertThat(stored.owner()).isEqualTo(new Owner("alice"));
        assertThat(stored.provider()).isEqualTo(KeySteps.APP_API);
        assertThat(stored.tokens()).isEqualTo(new AppApiKey(KEY).toTokenSet(AppApiRegion.EU));
        assertThat(verifier.checks).containsExactly(new Check(new AppApiKey(KEY), AppApiRegion.EU));
    }

    @Test
    void aPastedKeyLosesItsSurroundingWhitespace() {
        submit("  " + KEY + "\n", "us");

        assertThat(verifier.checks).containsExactly(new Check(new AppApiKey(KEY), AppApiRegion.US));
    }

    @Test
    void aRefusedKeyIsNotStoredAndTheFormComesBackWithAFreshTokenAndTheChosenRegion() {
        SubmissionOutcome outcome = submit("wrong-0123456789", "eu");

        assertThat(outcome).isInstanceOfSatisfying(TryAgain.class, again -> {
            assertThat(again.problem()).isEqualTo(Problem.KEY_REFUSED);
            assertThat(again.form().region()).isEqualTo(AppApiRegion.EU);
            assertThat(again.form().returnToOrigin()).isEqualTo(TestCore.APP_ORIGIN);
            assertThat(again.form().csrfToken()).isNotEqualTo(started.form().csrfToken());
        });
        assertThat(core.connections.list(ConnectionFilter.ofOwner(new Owner("alice")), null, 10)).isEmpty();
    }

    @Test
    void theFormCanBeTriedAgainWithItsNewTokenButNotItsOldOne() {
        TryAgain again = (TryAgain) submit("wrong-0123456789", "us");

        assertThat(ended(submit(KEY, "us"))).as("the old token was spent").isInstanceOf(Unidentified.class);
        assertThat(ended(steps.submit(again.form(), started.browserBinding(), KEY, "us"))).isInstanceOf(Connected.class);
    }

    @Test
    void anUnreachableApiLeavesNothingStoredAndAsksToTryAgain() {
        verifier.results.add(ApiKeyVerification.unavailable("no answer within 10000 ms"));

        TryAgain again = (TryAgain) submit(KEY, "us");

        assertThat(again.problem()).isEqualTo(Problem.PROVIDER_UNREACHABLE);
        assertThat(core.connections.list(ConnectionFilter.ofOwner(new Owner("alice")), null, 10)).isEmpty();
        assertThat(ended(steps.submit(again.form(), started.browserBinding(), KEY, "us"))).isInstanceOf(Connected.class);
    }

    @Test
    void aRetriedFormKeepsItsOriginalExpiry() {
        TryAgain again = (TryAgain) submit("wrong-0123456789", "us");
        core.clock.advance(core.settings.authorizationTtl());

        assertThat(ended(steps.submit(again.form(), started.browserBinding(), KEY, "us"))).isInstanceOf(Unidentified.class);
        assertThat(verifier.checkCount()).isEqualTo(1);
    }

    @Test
    void aMalformedKeyIsNeverSentToTheApi() {
        assertThat(((TryAgain) submit("short", "us")).problem()).isEqualTo(Problem.KEY_MALFORMED);
        assertThat(verifier.checkCount()).isZero();
    }

    @Test
    void aMissingOrUnknownRegionIsAskedForAgainWithoutCheckingTheKey() {
        TryAgain missing = (TryAgain) submit(KEY, null);
        TryAgain unknown = (TryAgain) steps.submit(missing.form(), started.browserBinding(), KEY, "ap");

        assertThat(missing.problem()).isEqualTo(Problem.REGION_MISSING);
        assertThat(unknown.problem()).isEqualTo(Problem.REGION_MISSING);
        assertThat(verifier.checkCount()).isZero();
    }

    @Test
    void aSubmissionWithoutTokenOrWithAnUnknownOneChecksNothing() {
        assertThat(ended(steps.submit(null, started.browserBinding(), KEY, "us", false))).isInstanceOf(Unidentified.class);
        assertThat(ended(steps.submit(" ", started.browserBinding(), KEY, "us", false))).isInstanceOf(Unidentified.class);
        assertThat(ended(steps.submit("forged-token", started.browserBinding(), KEY, "us", false)))
                .isInstanceOf(Unidentified.class);
        assertThat(verifier.checkCount()).isZero();
    }

    @Test
    void aSubmissionFromAnotherBrowserChecksNothing() {
        BrowserBinding other = BrowserBinding.fromRandom(new TestRandom().bytes(BrowserBinding.RANDOM_BYTES));

        assertThat(ended(steps.submit(started.form(), other, KEY, "us"))).isInstanceOf(Unidentified.class);
        assertThat(ended(steps.submit(started.form(), null, KEY, "us"))).isInstanceOf(Unidentified.class);
        assertThat(verifier.checkCount()).isZero();
    }

    @Test
    void anExpiredFormChecksNothing() {
        core.clock.advance(Duration.ofMinutes(11));

        assertThat(ended(submit(KEY, "us"))).isInstanceOf(Unidentified.class);
        assertThat(verifier.checkCount()).isZero();
    }

    @Test
    void aFormIsSubmittedSuccessfullyOnce() {
        assertThat(ended(submit(KEY, "us"))).isInstanceOf(Connected.class);

        assertThat(ended(submit(KEY, "us"))).isInstanceOf(Unidentified.class);
        assertThat(verifier.checkCount()).isEqualTo(1);
    }

    @Test
    void cancellingSendsTheBrowserBackWithAccessDeniedAndChecksNothing() {
        FlowEnd outcome = ended(steps.submit(started.form().csrfToken().value(), started.browserBinding(), KEY,
                "us", true));

        assertThat(outcome).isInstanceOfSatisfying(Failed.class, failed -> {
            assertThat(failed.error()).isEqualTo(FlowError.ACCESS_DENIED);
            assertThat(failed.redirectTo().toString()).isEqualTo(TestCore.RETURN_TO + "?status=error&error=access_denied");
        });
        assertThat(verifier.checkCount()).isZero();
    }

    @Test
    void echoesTheHostsClientStateWhenConnectedAndWhenCancelled() {
        ClientState clientState = new ClientState("tab-9");
        ApiKeyFormStarted connecting = steps.start(steps.connectUrl("carol", clientState));
        ApiKeyFormStarted cancelling = steps.start(steps.connectUrl("carol", clientState));

        FlowEnd connected = ended(steps.submit(connecting.form(), connecting.browserBinding(), KEY, "us"));
        FlowEnd cancelled = ended(steps.submit(cancelling.form().csrfToken().value(), cancelling.browserBinding(), KEY,
                "us", true));

        assertThat(((Connected) connected).redirectTo().toString()).endsWith("&status=connected&client_state=tab-9");
        assertThat(((Failed) cancelled).redirectTo().toString())
                .isEqualTo(TestCore.RETURN_TO + "?status=error&error=access_denied&client_state=tab-9");
    }

    @Test
    void aRetriedFormStillEchoesTheClientState() {
        ApiKeyFormStarted form = steps.start(steps.connectUrl("carol", new ClientState("tab-9")));
        TryAgain again = (TryAgain) steps.submit(form.form(), form.browserBinding(), "wrong-0123456789", "us");

        FlowEnd connected = ended(steps.submit(again.form(), form.browserBinding(), KEY, "us"));

        assertThat(((Connected) connected).redirectTo().toString()).endsWith("&client_state=tab-9");
    }

    @Test
    void connectingAgainReplacesTheKeyAndKeepsTheConnectionsId() {
        Connected first = (Connected) ended(submit(KEY, "us"));

        var again = steps.start("alice");
        Connected second = (Connected) ended(steps.submit(again.form(), again.browserBinding(), KEY + "-new", "eu"));

        assertThat(second.connectionId()).isEqualTo(first.connectionId());
        Connection stored = core.connections.findById(first.connectionId()).orElseThrow();
        assertThat(stored.tokens().accessToken().value()).isEqualTo(KEY + "-new");
        assertThat(stored.tokens().optionalAppApiRegion()).contains(AppApiRegion.EU);
        assertThat(core.revocations.size()).as("a key cannot be revoked remotely").isZero();
    }
}
