package io.cioconnect.application.port.in;

import io.cioconnect.domain.BrowserBinding;
import io.cioconnect.domain.ConnectTicket;
import io.cioconnect.domain.ProviderId;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Use case: a browser opens a {@code connect_url}; its ticket becomes a pending authorization and the
 * browser is sent to the provider. Unknown, used or expired tickets fail with {@code not_found}.
 */
public interface BeginAuthorizationUseCase {

    AuthorizationStarted begin(Command command);

    record Command(ProviderId provider, ConnectTicket ticket) {
        public Command {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(ticket, "ticket");
        }
    }

    /**
     * @param authorizeUrl   the provider URL to redirect the browser to
     * @param browserBinding the cookie value to set on the browser, valid for {@code bindingLifetime}
     */
    record AuthorizationStarted(URI authorizeUrl, BrowserBinding browserBinding, Duration bindingLifetime) {
    }
}
