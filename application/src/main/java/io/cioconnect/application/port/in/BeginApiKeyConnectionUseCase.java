package io.cioconnect.application.port.in;

import io.cioconnect.domain.BrowserBinding;
import io.cioconnect.domain.ConnectTicket;
import io.cioconnect.domain.ProviderId;
import java.time.Duration;
import java.util.Objects;

/**
 * Use case: a browser opens the {@code connect_url} of a provider connected with an App API key; its
 * ticket becomes a pending form bound to this browser. Unknown, used or expired tickets, and tickets of
 * other providers, fail with {@code not_found}.
 */
public interface BeginApiKeyConnectionUseCase {

    ApiKeyFormStarted begin(Command command);

    record Command(ProviderId provider, ConnectTicket ticket) {
        public Command {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(ticket, "ticket");
        }
    }

    /**
     * @param form           the form to show
     * @param browserBinding the cookie value to set on the browser, valid for {@code bindingLifetime}
     */
    record ApiKeyFormStarted(ApiKeyForm form, BrowserBinding browserBinding, Duration bindingLifetime) {
    }
}
