package io.cioconnect.application.service;

import io.cioconnect.application.port.in.FlowEnd;
import io.cioconnect.application.port.in.FlowEnd.Connected;
import io.cioconnect.application.port.in.FlowEnd.Failed;
import io.cioconnect.application.port.in.FlowEnd.Unidentified;
import io.cioconnect.application.port.out.ChangeAnnouncer;
import io.cioconnect.application.port.out.ConnectionStore;
import io.cioconnect.application.port.out.RandomSource;
import io.cioconnect.domain.BrowserBinding;
import io.cioconnect.domain.Connection;
import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.FlowError;
import io.cioconnect.domain.PendingFlow;
import io.cioconnect.domain.ProviderId;
import io.cioconnect.domain.TokenSet;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps every connect flow ends with, OAuth callback or App API key form: a flow consumed once is
 * checked against the provider and the browser, then ends connected (stored, the replaced grant's
 * revocation queued with it) or failed, and either way the browser goes back to {@code return_to}.
 */
public final class FlowFinisher {

    private static final Logger LOG = LoggerFactory.getLogger(FlowFinisher.class);

    private final ConnectionStore connections;
    private final GrantRevocations revocations;
    private final ChangeAnnouncer announcer;
    private final RandomSource random;
    private final Clock clock;

    /** @param announcer gives the event stored with each connection (created or reconnected) */
    public FlowFinisher(ConnectionStore connections, GrantRevocations revocations, ChangeAnnouncer announcer,
            RandomSource random, Clock clock) {
        this.connections = connections;
        this.revocations = revocations;
        this.announcer = announcer;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Applies {@code identified} to the {@code consumed} flow when it was started for {@code provider} in the
     * browser presenting {@code binding}; anything else is unidentified and touches nothing. A failure inside
     * {@code identified} ends the flow with {@code server_error}. {@code ended} turns a flow's end into {@code R}.
     */
    <P extends PendingFlow, R> R finish(Optional<P> consumed, ProviderId provider, BrowserBinding binding,
            Function<P, R> identified, Function<FlowEnd, R> ended) {
        if (consumed.isEmpty() || !consumed.get().provider().equals(provider)) {
            return ended.apply(new Unidentified("unknown, expired or already used"));
        }
        P pending = consumed.get();
        if (!pending.isBoundTo(binding)) {
            LOG.warn("A flow for provider {} came back from a browser that did not start it", provider);
            return ended.apply(new Unidentified("started in another browser"));
        }
        try {
            return identified.apply(pending);
        } catch (RuntimeException e) {
            LOG.error("Completing a flow for provider {} failed: {}", provider, e.getClass().getSimpleName());
            return ended.apply(failed(pending, FlowError.SERVER_ERROR));
        }
    }

    /** Stores the flow's connection with {@code tokens} (replacing the owner's earlier grant at this provider). */
    Connected connected(PendingFlow pending, TokenSet tokens) {
        Connection candidate = Connection.connect(new ConnectionId(random.uuid()), pending.owner(), pending.provider(),
                tokens, clock.instant());
        Connection stored = connections.saveConnected(candidate,
                replaced -> revocations.ofReplaced(replaced, tokens), announcer);
        LOG.info("Connection {} for provider {} connected", stored.id(), stored.provider());
        return new Connected(stored.id(), pending.returnTo().connected(stored.id(), pending.clientState()));
    }

    static Failed failed(PendingFlow pending, FlowError error) {
        return new Failed(error, pending.returnTo().failed(error, pending.clientState()));
    }
}
