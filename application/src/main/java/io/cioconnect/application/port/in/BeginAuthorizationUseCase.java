package io.cioconnect.application.port.in;

import io.cioconnect.domain.BrowserBinding;
import io.cioconnect.domain.ConnectTicket;
import io.cioconnect.domain.ProviderId;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Use case: a browser opens a {@code connect_url}; its ticket becomes a pending authorization and the
 * browser is sent to the provider. Unknown, used or expired tickets fail with {@code not_found}; a provider
 * that cannot take the request now sends the browser back to {@code return_to} with the error.
 */
public interface BeginAuthorizationUseCase {

    Outcome begin(Command command);

    record Command(ProviderId provider, ConnectTicket ticket) {
        public Command {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(ticket, "ticket");
        }
    }

    /** How opening a connect link ended; every kind must be handled. */
    sealed interface Outcome permits AuthorizationStarted, ProviderUnavailable {

        void match(Consumer<AuthorizationStarted> started, Consumer<ProviderUnavailable> unavailable);
    }

    /**
     * @param authorizeUrl   the provider URL to redirect the browser to
     * @param browserBinding the cookie value to set on the browser, valid for {@code bindingLifetime}
     */
    record AuthorizationStarted(URI authorizeUrl, BrowserBinding browserBinding, Duration bindingLifetime)
            implements Outcome {

        @Override
        public void match(Consumer<AuthorizationStarted> started, Consumer<ProviderUnavailable> unavailable) {
            started.accept(this);
        }
    }

    /**
     * The provider could not be asked (its discovery or client registration failed): the ticket is spent,
     * nothing else was stored, and {@code failed} sends the browser back to {@code return_to}.
     */
    record ProviderUnavailable(FlowEnd.Failed failed) implements Outcome {
        public ProviderUnavailable {
            Objects.requireNonNull(failed, "failed");
        }

        @Override
        public void match(Consumer<AuthorizationStarted> started, Consumer<ProviderUnavailable> unavailable) {
            unavailable.accept(this);
        }
    }
}
