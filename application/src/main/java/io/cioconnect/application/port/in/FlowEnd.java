package io.cioconnect.application.port.in;

import io.cioconnect.domain.ConnectionId;
import io.cioconnect.domain.FlowError;
import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a connect flow ended, OAuth callback or App API key form alike: back to {@code return_to} connected or
 * failed, or not at all because the request belongs to no flow we can trust.
 */
public sealed interface FlowEnd permits FlowEnd.Connected, FlowEnd.Failed, FlowEnd.Unidentified {

    /** Hands this end to the one handler of its kind; every kind must be handled. */
    void match(Consumer<Connected> connected, Consumer<Failed> failed, Consumer<Unidentified> unidentified);

    /** The connection is stored; redirect to {@code redirectTo} ({@code return_to} with id, status and client state). */
    record Connected(ConnectionId connectionId, URI redirectTo) implements FlowEnd {
        public Connected {
            Objects.requireNonNull(connectionId, "connectionId");
            Objects.requireNonNull(redirectTo, "redirectTo");
        }

        @Override
        public void match(Consumer<Connected> connected, Consumer<Failed> failed, Consumer<Unidentified> unidentified) {
            connected.accept(this);
        }
    }

    /** An identified flow failed; redirect to {@code redirectTo} ({@code return_to} with the error and client state). */
    record Failed(FlowError error, URI redirectTo) implements FlowEnd {
        public Failed {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(redirectTo, "redirectTo");
        }

        @Override
        public void match(Consumer<Connected> connected, Consumer<Failed> failed, Consumer<Unidentified> unidentified) {
            failed.accept(this);
        }
    }

    /**
     * The request belongs to no flow we can trust (missing, unknown, expired or replayed state or token;
     * missing or wrong cookie): answer a fixed error page, go nowhere, call no provider. {@code reason} is
     * for logs and tests, never for the page.
     */
    record Unidentified(String reason) implements FlowEnd {
        @Override
        public void match(Consumer<Connected> connected, Consumer<Failed> failed, Consumer<Unidentified> unidentified) {
            unidentified.accept(this);
        }
    }
}
